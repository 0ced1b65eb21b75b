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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.InvalidRowException;
import org.tfeval.release.dataset.RowSource;
import org.tfeval.release.dataset.VariableSpec;
import org.tfeval.release.summary.DatasetSummary;
import org.tfeval.release.summary.VariableSummary;

/**
 * Stata {@code .dta} format 118 (Stata 14 and later), little-endian, UTF-8.
 *
 * <p>Reads the rows twice: a first pass finds the row count, the range of each integer variable
 * (to choose byte, int, long or double storage, as Stata's {@code compress} would) and the longest
 * string (for {@code strN}); the second writes the data.
 *
 * <ul>
 *   <li>Reserved missing codes become extended missing values, the same letter for every variable:
 *       -9 {@code .a}, -8 {@code .b}, -7 {@code .c}, -6 {@code .d}; {@code null} becomes {@code .}.
 *   <li>Every variable with value labels or missing codes gets a value-label set of its own name
 *       holding its code labels and the labels of its extended missing values.
 *   <li>Dates are {@code long} days since 1 January 1960 with format {@code %td}.
 *   <li>Strings are {@code strN}, N the longest value in bytes (at least 1, at most {@value
 *       #MAX_STR_WIDTH}; longer values are refused, strL is not written).
 * </ul>
 */
public final class StataWriter implements DatasetWriter {

    /** Longest {@code strN} of format 118, in bytes. */
    public static final int MAX_STR_WIDTH = 2045;
    /** Most variables a format-118 file holds. */
    public static final int MAX_VARIABLES = 32_767;

    static final int RELEASE = 118;
    static final long DAYS_1960_MINUS_1970 = LocalDate.of(1960, 1, 1).toEpochDay();

    private static final int NAME_BYTES = 129;
    private static final int FORMAT_BYTES = 57;
    private static final int LABEL_BYTES = 321;
    private static final int LABEL_SET_PADDING = 3;
    private static final long DOUBLE_SYSMIS_BITS = 0x7FE0000000000000L;
    private static final long DOUBLE_MISSING_STEP = 0x0000010000000000L;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm", Locale.ENGLISH);

    /** Numeric storage types of format 118, with valid range and system-missing value. */
    enum Storage {
        BYTE(65530, 1, -127, 100, 101),
        INT(65529, 2, -32_767, 32_740, 32_741),
        LONG(65528, 4, -2_147_483_647L, 2_147_483_620L, 2_147_483_621L),
        DOUBLE(65526, 8, Long.MIN_VALUE, Long.MAX_VALUE, 0),
        STR(0, 0, 0, 0, 0);

        final int code;
        final int bytes;
        final long min;
        final long max;
        final long sysmis;

        Storage(int code, int bytes, long min, long max, long sysmis) {
            this.code = code;
            this.bytes = bytes;
            this.min = min;
            this.max = max;
            this.sysmis = sysmis;
        }

        /** The smallest integer type holding every valid value in {@code [lo, hi]}. */
        static Storage forIntegers(long lo, long hi) {
            for (Storage s : List.of(BYTE, INT, LONG)) {
                if (lo >= s.min && hi <= s.max) {
                    return s;
                }
            }
            return DOUBLE;
        }

        /** The stored value of an extended missing value: {@code .a} is one above {@code .}. */
        long missing(MissingCode code) {
            return sysmis + 1 + code.letterIndex();
        }
    }

    /** A variable as stored: its type and width in the row. */
    record Column(VariableSpec variable, Storage storage, int width) {
        int typeCode() {
            return storage == Storage.STR ? width : storage.code;
        }

        int bytes() {
            return storage == Storage.STR ? width : storage.bytes;
        }

        String format() {
            return switch (variable.kind()) {
                case INTEGER -> "%" + variable.type().width() + ".0g";
                case DECIMAL ->
                    "%" + variable.type().width() + "." + variable.type().decimals() + "f";
                case DATE -> "%td";
                case STRING -> "%-" + width + "s";
            };
        }
    }

    private final WriteOptions options;

    public StataWriter(WriteOptions options) {
        this.options = options;
    }

    @Override
    public WrittenFile write(DatasetSpec spec, RowSource rows, Path target) throws IOException {
        if (spec.size() > MAX_VARIABLES) {
            throw new IllegalArgumentException("dataset " + spec.name() + " has " + spec.size()
                    + " variables; Stata 118 holds at most " + MAX_VARIABLES);
        }
        DatasetSummary summary = DatasetSummary.compute(spec, rows);
        List<Column> columns = columns(spec, summary);
        int rowBytes = columns.stream().mapToInt(Column::bytes).sum();
        long n = summary.rowCount();

        ByteSink head = new ByteSink(ByteOrder.LITTLE_ENDIAN);
        head.ascii("<stata_dta><header><release>" + RELEASE + "</release><byteorder>LSF</byteorder><K>")
                .i16(spec.size())
                .ascii("</K><N>")
                .i64(n)
                .ascii("</N><label>");
        byte[] label = Utf8.bytes(spec.label());
        head.i16(label.length).bytes(label).ascii("</label><timestamp>");
        String stamp = TIMESTAMP.format(options.timestamp());
        head.u8(stamp.length()).ascii(stamp).ascii("</timestamp></header>");

        long[] map = new long[14];
        map[1] = head.size();
        head.ascii("<map>");
        int mapPosition = head.size();
        for (int i = 0; i < map.length; i++) {
            head.i64(0);
        }
        head.ascii("</map>");

        map[2] = head.size();
        head.ascii("<variable_types>");
        columns.forEach(c -> head.i16(c.typeCode()));
        head.ascii("</variable_types>");

        map[3] = head.size();
        head.ascii("<varnames>");
        columns.forEach(c -> head.fixedUtf8(c.variable().name(), NAME_BYTES, (byte) 0));
        head.ascii("</varnames>");

        map[4] = head.size();
        head.ascii("<sortlist>");
        for (int i = 0; i <= spec.size(); i++) {
            head.i16(0);
        }
        head.ascii("</sortlist>");

        map[5] = head.size();
        head.ascii("<formats>");
        columns.forEach(c -> head.fixedUtf8(c.format(), FORMAT_BYTES, (byte) 0));
        head.ascii("</formats>");

        map[6] = head.size();
        head.ascii("<value_label_names>");
        columns.forEach(
                c -> head.fixedUtf8(c.variable().hasCodeLabels() ? c.variable().name() : "", NAME_BYTES, (byte) 0));
        head.ascii("</value_label_names>");

        map[7] = head.size();
        head.ascii("<variable_labels>");
        columns.forEach(c -> head.fixedUtf8(c.variable().label(), LABEL_BYTES, (byte) 0));
        head.ascii("</variable_labels>");

        map[8] = head.size();
        head.ascii("<characteristics></characteristics>");

        map[9] = head.size();
        head.ascii("<data>");
        long dataEnd = map[9] + "<data>".length() + n * rowBytes + "</data>".length();
        map[10] = dataEnd;
        String strls = "<strls></strls>";
        map[11] = map[10] + strls.length();
        ByteSink tail = new ByteSink(ByteOrder.LITTLE_ENDIAN);
        tail.ascii("</data>").ascii(strls).ascii("<value_labels>");
        for (Column c : columns) {
            if (c.variable().hasCodeLabels()) {
                valueLabelSet(tail, c);
            }
        }
        tail.ascii("</value_labels>");
        map[12] = dataEnd - "</data>".length() + tail.size();
        tail.ascii("</stata_dta>");
        map[13] = map[12] + "</stata_dta>".length();
        for (int i = 0; i < map.length; i++) {
            head.putI64At(mapPosition + 8 * i, map[i]);
        }

        long written;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
            head.writeTo(out);
            ByteBuffer row = ByteBuffer.allocate(rowBytes).order(ByteOrder.LITTLE_ENDIAN);
            written = spec.forEachRow(rows, cells -> {
                row.clear();
                for (int i = 0; i < cells.length; i++) {
                    put(row, columns.get(i), cells[i]);
                }
                out.write(row.array(), 0, rowBytes);
            });
            Passes.requireSame(n, written);
            tail.writeTo(out);
        }
        return new WrittenFile(target, FileFormat.STATA, written);
    }

    static List<Column> columns(DatasetSpec spec, DatasetSummary summary) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < spec.size(); i++) {
            VariableSpec v = spec.variable(i);
            VariableSummary s = summary.variables().get(i);
            columns.add(
                    switch (v.kind()) {
                        case INTEGER -> {
                            Storage storage = s.numeric()
                                    .map(st -> Storage.forIntegers((long) st.min(), (long) st.max()))
                                    .orElse(Storage.BYTE);
                            yield new Column(v, storage, storage.bytes);
                        }
                        case DECIMAL -> new Column(v, Storage.DOUBLE, Storage.DOUBLE.bytes);
                        case DATE -> new Column(v, Storage.LONG, Storage.LONG.bytes);
                        case STRING -> {
                            if (s.maxLength() > MAX_STR_WIDTH) {
                                throw new InvalidRowException(
                                        0,
                                        v.name(),
                                        InvalidRowException.Reason.FORMAT_LIMIT,
                                        "values of " + s.maxLength() + " bytes exceed Stata's str" + MAX_STR_WIDTH);
                            }
                            yield new Column(v, Storage.STR, Math.max(1, s.maxLength()));
                        }
                    });
        }
        return columns;
    }

    private static void valueLabelSet(ByteSink out, Column c) {
        TreeMap<Integer, String> entries = new TreeMap<>();
        c.variable().valueLabels().forEach((code, text) -> entries.put(Math.toIntExact(code), text));
        c.variable().missingCodes().forEach((code, text) -> entries.put((int) Storage.LONG.missing(code), text));
        ByteSink text = new ByteSink(ByteOrder.LITTLE_ENDIAN);
        List<Integer> offsets = new ArrayList<>();
        for (Map.Entry<Integer, String> e : entries.entrySet()) {
            offsets.add(text.size());
            text.bytes(Utf8.bytes(e.getValue())).u8(0);
        }
        int n = entries.size();
        int tableLength = 4 + 4 + 4 * n + 4 * n + text.size();
        out.ascii("<lbl>").i32(tableLength).fixedUtf8(c.variable().name(), NAME_BYTES, (byte) 0);
        for (int i = 0; i < LABEL_SET_PADDING; i++) {
            out.u8(0);
        }
        out.i32(n).i32(text.size());
        offsets.forEach(out::i32);
        entries.keySet().forEach(out::i32);
        out.bytes(text.toByteArray()).ascii("</lbl>");
    }

    private static void put(ByteBuffer row, Column c, Object cell) {
        switch (c.storage()) {
            case STR -> {
                int start = row.position();
                if (cell != null) {
                    byte[] b = Utf8.bytes((String) cell);
                    if (b.length > c.width()) {
                        throw new IllegalStateException(
                                "variable " + c.variable().name()
                                        + " is longer on the second pass than on the first; the row source is not repeatable");
                    }
                    row.put(b);
                }
                while (row.position() < start + c.width()) {
                    row.put((byte) 0);
                }
            }
            case DOUBLE -> {
                if (cell == null) {
                    row.putLong(DOUBLE_SYSMIS_BITS);
                } else if (cell instanceof MissingCode code) {
                    row.putLong(DOUBLE_SYSMIS_BITS + DOUBLE_MISSING_STEP * (1 + code.letterIndex()));
                } else {
                    row.putDouble(((Number) cell).doubleValue());
                }
            }
            default -> {
                long v;
                if (cell == null) {
                    v = c.storage().sysmis;
                } else if (cell instanceof MissingCode code) {
                    v = c.storage().missing(code);
                } else if (cell instanceof LocalDate date) {
                    v = date.toEpochDay() - DAYS_1960_MINUS_1970;
                } else {
                    v = (Long) cell;
                    if (v < c.storage().min || v > c.storage().max) {
                        throw new IllegalStateException(
                                "variable " + c.variable().name()
                                        + " is out of its first-pass range on the second pass; the row source is not repeatable");
                    }
                }
                switch (c.storage()) {
                    case BYTE -> row.put((byte) v);
                    case INT -> row.putShort((short) v);
                    case LONG -> row.putInt((int) v);
                    default -> throw new AssertionError(c.storage());
                }
            }
        }
    }
}
