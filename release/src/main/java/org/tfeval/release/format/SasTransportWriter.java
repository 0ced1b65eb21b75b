package org.tfeval.release.format;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.InvalidRowException;
import org.tfeval.release.dataset.RowSource;
import org.tfeval.release.dataset.VariableKind;
import org.tfeval.release.dataset.VariableSpec;
import org.tfeval.release.summary.DatasetSummary;
import org.tfeval.release.summary.VariableSummary;

/**
 * SAS transport file, version 5 ({@code .xpt}, the format of {@code LIBNAME XPORT} and of FDA
 * submissions): 80-byte records, big-endian, numbers as 8-byte IBM floating point.
 *
 * <ul>
 *   <li>Names have at most {@value #NAME_LENGTH} characters: {@link ShortNames} gives a
 *       deterministic, clash-free short name and {@link WrittenFile#renamedVariables()} reports the
 *       mapping. The member (dataset) name is shortened the same way.
 *   <li>Labels keep their first {@value #LABEL_BYTES} bytes (UTF-8, never cut inside a character).
 *   <li>Reserved missing codes become special missing values, the same letter for every variable:
 *       -9 {@code .A}, -8 {@code .B}, -7 {@code .C}, -6 {@code .D}; {@code null} becomes {@code .}.
 *   <li>Dates are days since 1 January 1960 with format DATE9.
 *   <li>Strings are at most {@value #MAX_STRING_BYTES} bytes, stored as UTF-8: a longer value is
 *       cut to its first {@value #MAX_STRING_BYTES} bytes (whole characters) in the transport file
 *       only, never failing the release; {@link XptNames} and the SAS program say which variables.
 *   <li>Value labels cannot be stored in a V5 transport file; the SAS program ({@link
 *       FileFormat#SAS_PROGRAM}) holds them as {@code PROC FORMAT} code.
 * </ul>
 *
 * <p>Reads the rows twice: first for string widths, then to write them.
 */
public final class SasTransportWriter implements DatasetWriter {

    public static final int NAME_LENGTH = 8;
    public static final int LABEL_BYTES = 40;
    public static final int MAX_STRING_BYTES = 200;

    static final long DAYS_1960_MINUS_1970 = LocalDate.of(1960, 1, 1).toEpochDay();

    private static final int RECORD = 80;
    private static final int NAMESTR_LENGTH = 140;
    private static final byte SPACE = ' ';
    private static final byte SYSTEM_MISSING = '.';
    private static final String SAS_VERSION = "9.4";
    private static final String OS_NAME = "Java";
    private static final String HEADER = "HEADER RECORD*******";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("ddMMMyy:HH:mm:ss", Locale.ENGLISH);

    record Column(VariableSpec variable, String name, int length, int position, boolean cut) {
        boolean numeric() {
            return variable.kind() != VariableKind.STRING;
        }
    }

    private final WriteOptions options;

    public SasTransportWriter(WriteOptions options) {
        this.options = options;
    }

    /** The names this writer gives the variables of {@code spec}, dataset name first. */
    public static Map<String, String> shortNames(DatasetSpec spec) {
        return ShortNames.assign(
                spec.variables().stream().map(VariableSpec::name).toList(), NAME_LENGTH);
    }

    @Override
    public WrittenFile write(DatasetSpec spec, RowSource rows, Path target) throws IOException {
        DatasetSummary summary = DatasetSummary.compute(spec, rows);
        Map<String, String> names = shortNames(spec);
        String member = ShortNames.assign(List.of(spec.name()), NAME_LENGTH).get(spec.name());
        List<Column> columns = new ArrayList<>();
        int position = 0;
        for (int i = 0; i < spec.size(); i++) {
            VariableSpec v = spec.variable(i);
            VariableSummary s = summary.variables().get(i);
            int length = 8;
            boolean cut = false;
            if (v.kind() == VariableKind.STRING) {
                cut = s.maxLength() > MAX_STRING_BYTES;
                length = Math.max(1, Math.min(MAX_STRING_BYTES, s.maxLength()));
            }
            columns.add(new Column(v, names.get(v.name()), length, position, cut));
            position += length;
        }
        int observationLength = position;

        ByteSink head = new ByteSink(ByteOrder.BIG_ENDIAN);
        String stamp = STAMP.format(options.timestamp()).toUpperCase(Locale.ROOT);
        record(head, HEADER + "LIBRARY HEADER RECORD!!!!!!!" + "0".repeat(30));
        record(
                head,
                pad("SAS", 8)
                        + pad("SAS", 8)
                        + pad("SASLIB", 8)
                        + pad(SAS_VERSION, 8)
                        + pad(OS_NAME, 8)
                        + " ".repeat(24)
                        + stamp);
        record(head, stamp);
        record(head, HEADER + "MEMBER  HEADER RECORD!!!!!!!" + "000000000000000001600000000" + NAMESTR_LENGTH);
        record(head, HEADER + "DSCRPTR HEADER RECORD!!!!!!!" + "0".repeat(30));
        record(
                head,
                pad("SAS", 8)
                        + pad(member, 8)
                        + pad("SASDATA", 8)
                        + pad(SAS_VERSION, 8)
                        + pad(OS_NAME, 8)
                        + " ".repeat(24)
                        + stamp);
        ByteSink memberLabel = new ByteSink(ByteOrder.BIG_ENDIAN);
        memberLabel
                .ascii(stamp + " ".repeat(16))
                .fixed(Utf8.truncate(spec.label(), LABEL_BYTES), LABEL_BYTES, SPACE)
                .fixed(new byte[0], 8, SPACE);
        head.bytes(memberLabel.toByteArray());
        record(
                head,
                HEADER + "NAMESTR HEADER RECORD!!!!!!!" + "000000" + String.format(Locale.ROOT, "%04d", spec.size())
                        + "0".repeat(20));
        int namestrStart = head.size();
        for (int i = 0; i < columns.size(); i++) {
            namestr(head, columns.get(i), i + 1);
        }
        padRecord(head, head.size() - namestrStart);
        record(head, HEADER + "OBS     HEADER RECORD!!!!!!!" + "0".repeat(30));

        long written;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
            head.writeTo(out);
            ByteBuffer observation = ByteBuffer.allocate(observationLength).order(ByteOrder.BIG_ENDIAN);
            long[] rowNumber = {0};
            written = spec.forEachRow(rows, cells -> {
                rowNumber[0]++;
                observation.clear();
                for (int i = 0; i < cells.length; i++) {
                    try {
                        put(observation, columns.get(i), cells[i]);
                    } catch (IllegalArgumentException e) {
                        throw new InvalidRowException(
                                rowNumber[0],
                                columns.get(i).variable().name(),
                                InvalidRowException.Reason.FORMAT_LIMIT,
                                e.getMessage());
                    }
                }
                out.write(observation.array());
            });
            Passes.requireSame(summary.rowCount(), written);
            long dataBytes = written * observationLength;
            int padding = (int) ((RECORD - dataBytes % RECORD) % RECORD);
            byte[] blanks = new byte[padding];
            Arrays.fill(blanks, SPACE);
            out.write(blanks);
        }
        return new WrittenFile(target, FileFormat.SAS_TRANSPORT, written, WrittenFile.renamed(names));
    }

    private static void namestr(ByteSink d, Column c, int number) {
        VariableSpec v = c.variable();
        int start = d.size();
        d.i16(c.numeric() ? 1 : 2).i16(0).i16(c.length()).i16(number);
        d.fixed(Utf8.bytes(c.name()), 8, SPACE);
        d.fixed(Utf8.truncate(v.label(), LABEL_BYTES), LABEL_BYTES, SPACE);
        String format = v.kind() == VariableKind.DATE ? "DATE" : "";
        int formatWidth = switch (v.kind()) {
            case DATE -> 9;
            case STRING -> c.length();
            default -> v.type().width();
        };
        d.fixed(Utf8.bytes(format), 8, SPACE)
                .i16(formatWidth)
                .i16(v.type().decimals())
                .i16(0);
        d.u8(0).u8(0);
        d.fixed(new byte[0], 8, SPACE).i16(0).i16(0);
        d.i32(c.position());
        d.fixed(new byte[0], NAMESTR_LENGTH - (d.size() - start), (byte) 0);
    }

    private static void put(ByteBuffer obs, Column c, Object cell) {
        if (!c.numeric()) {
            int start = obs.position();
            if (cell != null) {
                byte[] b = c.cut() ? Utf8.truncate((String) cell, c.length()) : Utf8.bytes((String) cell);
                if (b.length > c.length()) {
                    throw new IllegalStateException("variable " + c.variable().name()
                            + " is longer on the second pass than on the first; the row source is not repeatable");
                }
                obs.put(b);
            }
            while (obs.position() < start + c.length()) {
                obs.put(SPACE);
            }
        } else if (cell == null) {
            obs.putLong((long) SYSTEM_MISSING << 56);
        } else if (cell instanceof MissingCode code) {
            obs.putLong((long) code.sasLetter() << 56);
        } else if (cell instanceof LocalDate date) {
            obs.putLong(IbmFloat.bits(date.toEpochDay() - DAYS_1960_MINUS_1970));
        } else {
            obs.putLong(IbmFloat.bits(((Number) cell).doubleValue()));
        }
    }

    private static void record(ByteSink d, String text) {
        d.fixed(Utf8.bytes(text), RECORD, SPACE);
    }

    private static void padRecord(ByteSink d, int length) {
        int padding = (RECORD - length % RECORD) % RECORD;
        d.fixed(new byte[0], padding, SPACE);
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
