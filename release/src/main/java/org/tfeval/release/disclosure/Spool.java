package org.tfeval.release.disclosure;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.NoSuchElementException;
import org.tfeval.release.dataset.RowCursor;
import org.tfeval.release.dataset.RowSource;

/**
 * The released rows of a dataset spooled once from the working database into a compact file in the
 * private folder, so that the writers' many passes (Stata, SPSS and SAS read twice, the codebooks
 * once each) read a local file instead of running the query again. Cells are a tag byte and a
 * payload: blank; a whole number (zig-zag variable-length); a double; a UTF-8 string; a date (days
 * since 1970).
 */
final class Spool implements RowSource {
    private static final int BUFFER = 1 << 16;
    private static final byte NULL = 0;
    private static final byte LONG = 1;
    private static final byte DOUBLE = 2;
    private static final byte STRING = 3;
    private static final byte DATE = 4;

    private final Path file;
    private final int columns;
    private final long rows;

    private Spool(Path file, int columns, long rows) {
        this.file = file;
        this.columns = columns;
        this.rows = rows;
    }

    /** Reads every row of the source once into the file. */
    static Spool write(RowSource source, int columns, Path file) throws IOException {
        long n = 0;
        try (RowCursor cursor = source.open();
                DataOutputStream out =
                        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER))) {
            while (cursor.hasNext()) {
                Object[] row = cursor.next();
                for (int i = 0; i < columns; i++) {
                    Object cell = row[i];
                    if (cell == null) {
                        out.writeByte(NULL);
                    } else if (cell instanceof Long l) {
                        out.writeByte(LONG);
                        writeVarLong(out, l);
                    } else if (cell instanceof Double d) {
                        out.writeByte(DOUBLE);
                        out.writeDouble(d);
                    } else if (cell instanceof String s) {
                        byte[] b = s.getBytes(StandardCharsets.UTF_8);
                        out.writeByte(STRING);
                        writeVarLong(out, b.length);
                        out.write(b);
                    } else if (cell instanceof LocalDate date) {
                        out.writeByte(DATE);
                        writeVarLong(out, date.toEpochDay());
                    } else {
                        throw new IllegalStateException(
                                "cannot spool a " + cell.getClass().getSimpleName());
                    }
                }
                n++;
            }
        }
        return new Spool(file, columns, n);
    }

    long rows() {
        return rows;
    }

    @Override
    public RowCursor open() throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER));
        return new RowCursor() {
            private long read;

            @Override
            public boolean hasNext() {
                return read < rows;
            }

            @Override
            public Object[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object[] row = new Object[columns];
                try {
                    for (int i = 0; i < columns; i++) {
                        byte tag = in.readByte();
                        row[i] = switch (tag) {
                            case NULL -> null;
                            case LONG -> readVarLong(in);
                            case DOUBLE -> in.readDouble();
                            case STRING -> {
                                byte[] b = new byte[(int) readVarLong(in)];
                                in.readFully(b);
                                yield new String(b, StandardCharsets.UTF_8);
                            }
                            case DATE -> LocalDate.ofEpochDay(readVarLong(in));
                            default -> throw new IOException("the spool file is damaged (tag " + tag + ")");
                        };
                    }
                } catch (EOFException e) {
                    throw new UncheckedIOException("the spool file ends early", e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                read++;
                return row;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    private static void writeVarLong(DataOutputStream out, long value) throws IOException {
        long v = (value << 1) ^ (value >> 63);
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    private static long readVarLong(DataInputStream in) throws IOException {
        long v = 0;
        int shift = 0;
        while (true) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
            shift += 7;
        }
        return (v >>> 1) ^ -(v & 1);
    }
}
