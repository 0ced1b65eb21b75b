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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.RowSource;
import org.tfeval.release.dataset.VariableKind;
import org.tfeval.release.dataset.VariableSpec;
import org.tfeval.release.summary.DatasetSummary;
import org.tfeval.release.summary.VariableSummary;

/**
 * SPSS system file ({@code .sav}), little-endian, UTF-8, uncompressed or bytecode-compressed.
 *
 * <p>Records written: 1 (header), 2 (variables), 3 and 4 (value labels), 7 subtypes 3 (integer
 * info, code page 65001), 4 (floating-point info), 11 (measure, width, alignment), 13 (long names),
 * 14 (very long strings, when a string exceeds 255 bytes) and 20 (character encoding "UTF-8"), 999.
 *
 * <ul>
 *   <li>Short names: 8 characters, from {@link ShortNames}; the long-name record restores the
 *       dataset's names, so readers show the original names.
 *   <li>Reserved missing codes are written as their numbers and declared user-missing: up to three
 *       codes as discrete values, all four as the range -9 through -6. Their labels join the value
 *       labels.
 *   <li>Dates are seconds since 14 October 1582 with format DATE11. A date variable holds valid
 *       dates only; its missing codes go to a companion variable ({@link SavDateCodes}), so that
 *       readers keep the Date class and read a missing-coded date as NA.
 *   <li>Strings longer than {@value #SEGMENT_WIDTH} bytes are very long strings: segments of 255
 *       bytes (one per 252 bytes of width) with generated short names, joined again by readers
 *       through record 7.14.
 * </ul>
 *
 * <p>Reads the rows twice: first for the case count and string widths, then to write them.
 */
public final class SpssWriter implements DatasetWriter {

    /** Widest string segment; longer strings are split into segments (record 7.14). */
    public static final int SEGMENT_WIDTH = 255;
    /** Width of a very long string that each segment accounts for. */
    static final int SEGMENT_SHARE = 252;
    /** SPSS short names have 8 bytes. */
    public static final int SHORT_NAME_LENGTH = 8;

    static final long EPOCH_DAY_OF_SPSS_ORIGIN = LocalDate.of(1582, 10, 14).toEpochDay();
    static final long SECONDS_PER_DAY = 86_400L;

    private static final double SYSMIS = -Double.MAX_VALUE;
    private static final double COMPRESSION_BIAS = 100.0;
    private static final int CODE_PAGE_UTF8 = 65001;
    private static final int FORMAT_A = 1;
    private static final int FORMAT_F = 5;
    private static final int FORMAT_DATE = 20;
    private static final int DATE_FORMAT_WIDTH = 11;
    private static final int MEASURE_NOMINAL = 1;
    private static final int MEASURE_SCALE = 3;
    private static final int ALIGN_LEFT = 0;
    private static final int ALIGN_RIGHT = 1;
    private static final byte SPACE = ' ';
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd MMM yy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);

    /**
     * A variable as stored: width 0 for numbers, else bytes. A string is one segment, or several for
     * a very long string; each segment takes its width rounded up to 8 bytes of the case.
     */
    record Column(VariableSpec variable, String shortName, int width, int dictionaryIndex, List<String> segmentNames) {
        boolean numeric() {
            return width == 0;
        }

        int segmentCount() {
            return numeric() || width <= SEGMENT_WIDTH ? 1 : (width + SEGMENT_SHARE - 1) / SEGMENT_SHARE;
        }

        int segmentWidth(int segment) {
            if (numeric()) {
                return 0;
            }
            int n = segmentCount();
            return n == 1 ? width : segment < n - 1 ? SEGMENT_WIDTH : width - (n - 1) * SEGMENT_SHARE;
        }

        /** 8-byte elements of one segment. */
        int elements(int segment) {
            return numeric() ? 1 : (segmentWidth(segment) + 7) / 8;
        }

        int elements() {
            int total = 0;
            for (int s = 0; s < segmentCount(); s++) {
                total += elements(s);
            }
            return total;
        }

        int format(int segment) {
            return switch (variable.kind()) {
                case INTEGER -> spssFormat(FORMAT_F, variable.type().width(), 0);
                case DECIMAL ->
                    spssFormat(
                            FORMAT_F, variable.type().width(), variable.type().decimals());
                case DATE -> spssFormat(FORMAT_DATE, DATE_FORMAT_WIDTH, 0);
                case STRING -> spssFormat(FORMAT_A, segmentWidth(segment), 0);
            };
        }
    }

    private final WriteOptions options;

    public SpssWriter(WriteOptions options) {
        this.options = options;
    }

    static int spssFormat(int type, int width, int decimals) {
        return (type << 16) | (width << 8) | decimals;
    }

    @Override
    public WrittenFile write(DatasetSpec dataset, RowSource datasetRows, Path target) throws IOException {
        DatasetSpec spec = SavDateCodes.spec(dataset);
        RowSource rows = SavDateCodes.rows(dataset, datasetRows);
        DatasetSummary summary = DatasetSummary.compute(spec, rows);
        Map<String, String> shortNames = ShortNames.assign(
                spec.variables().stream().map(VariableSpec::name).toList(), SHORT_NAME_LENGTH);
        Set<String> takenNames = new HashSet<>(shortNames.values());
        List<Column> columns = new ArrayList<>();
        int index = 1;
        for (int i = 0; i < spec.size(); i++) {
            VariableSpec v = spec.variable(i);
            VariableSummary s = summary.variables().get(i);
            int width = v.kind() == VariableKind.STRING ? Math.max(1, s.maxLength()) : 0;
            String shortName = shortNames.get(v.name());
            Column c = new Column(v, shortName, width, index, List.of(shortName));
            if (c.segmentCount() > 1) {
                c = new Column(v, shortName, width, index, segmentNames(shortName, c.segmentCount(), takenNames));
            }
            columns.add(c);
            index += c.elements();
        }
        int caseSize = index - 1;
        long n = summary.rowCount();

        ByteSink dict = new ByteSink(ByteOrder.LITTLE_ENDIAN);
        header(dict, spec, caseSize, n);
        columns.forEach(c -> variableRecords(dict, c));
        columns.stream().filter(c -> c.variable().hasCodeLabels()).forEach(c -> valueLabelRecords(dict, c));
        extensionRecords(dict, columns);
        dict.i32(999).i32(0);

        long written;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
            dict.writeTo(out);
            CaseSink sink = options.spssCompression() == SpssCompression.BYTECODE
                    ? new CompressedCases(out)
                    : new RawCases(out);
            written = spec.forEachRow(rows, cells -> {
                for (int i = 0; i < cells.length; i++) {
                    putCell(sink, columns.get(i), cells[i]);
                }
            });
            sink.finish();
            Passes.requireSame(n, written);
        }
        return new WrittenFile(target, FileFormat.SPSS, written);
    }

    private void header(ByteSink d, DatasetSpec spec, int caseSize, long n) {
        d.ascii("$FL2");
        d.fixed(Utf8.bytes("@(#) SPSS DATA FILE tfeval-release"), 60, SPACE);
        d.i32(2).i32(caseSize).i32(options.spssCompression().headerCode()).i32(0);
        d.i32(n > Integer.MAX_VALUE ? -1 : (int) n);
        d.f64(COMPRESSION_BIAS);
        d.ascii(DATE.format(options.timestamp())).ascii(TIME.format(options.timestamp()));
        d.fixed(Utf8.truncate(spec.label(), 64), 64, SPACE);
        d.u8(0).u8(0).u8(0);
    }

    /** Unique short names for the segments after the first: the stem, then a number. */
    private static List<String> segmentNames(String first, int count, Set<String> taken) {
        List<String> names = new ArrayList<>(List.of(first));
        int k = 1;
        while (names.size() < count) {
            String suffix = Integer.toString(k++);
            String candidate =
                    first.substring(0, Math.min(first.length(), SHORT_NAME_LENGTH - suffix.length())) + suffix;
            if (taken.add(candidate)) {
                names.add(candidate);
            }
        }
        return names;
    }

    private static void variableRecords(ByteSink d, Column c) {
        VariableSpec v = c.variable();
        double[] missing = missingValues(v);
        int missingCount =
                missing.length == 2 && v.missingCodes().size() == MissingCode.values().length ? -2 : missing.length;
        byte[] label = Utf8.bytes(v.label());
        for (int segment = 0; segment < c.segmentCount(); segment++) {
            boolean first = segment == 0;
            boolean labelled = first && label.length > 0;
            d.i32(2)
                    .i32(c.segmentWidth(segment))
                    .i32(labelled ? 1 : 0)
                    .i32(first ? missingCount : 0)
                    .i32(c.format(segment))
                    .i32(c.format(segment));
            d.fixed(Utf8.bytes(c.segmentNames().get(segment)), 8, SPACE);
            if (labelled) {
                d.i32(label.length).fixed(label, (label.length + 3) / 4 * 4, SPACE);
            }
            if (first) {
                for (double m : missing) {
                    d.f64(m);
                }
            }
            for (int e = 1; e < c.elements(segment); e++) {
                d.i32(2).i32(-1).i32(0).i32(0).i32(0).i32(0).fixed(new byte[0], 8, SPACE);
            }
        }
    }

    /** Up to three discrete codes, or the range low, high covering all four. */
    static double[] missingValues(VariableSpec v) {
        List<MissingCode> codes = new ArrayList<>(v.missingCodes().keySet());
        if (codes.size() <= 3) {
            return codes.stream().mapToDouble(m -> (double) m.code()).toArray();
        }
        long lo = codes.stream().mapToLong(MissingCode::code).min().orElseThrow();
        long hi = codes.stream().mapToLong(MissingCode::code).max().orElseThrow();
        if (hi - lo + 1 != codes.size()) {
            throw new IllegalStateException("missing codes of " + v.name() + " are not a contiguous range");
        }
        return new double[] {lo, hi};
    }

    private static void valueLabelRecords(ByteSink d, Column c) {
        TreeMap<Double, String> labels = new TreeMap<>();
        c.variable().valueLabels().forEach((code, text) -> labels.put(code.doubleValue(), text));
        c.variable().missingCodes().forEach((code, text) -> labels.put((double) code.code(), text));
        d.i32(3).i32(labels.size());
        labels.forEach((value, text) -> {
            byte[] b = Utf8.bytes(text);
            d.f64(value).u8(b.length).fixed(b, (b.length + 1 + 7) / 8 * 8 - 1, SPACE);
        });
        d.i32(4).i32(1).i32(c.dictionaryIndex());
    }

    private static void extensionRecords(ByteSink d, List<Column> columns) {
        d.i32(7).i32(3).i32(4).i32(8);
        d.i32(1).i32(0).i32(0).i32(-1).i32(1).i32(1).i32(2).i32(CODE_PAGE_UTF8);

        d.i32(7).i32(4).i32(8).i32(3);
        d.f64(SYSMIS).f64(Double.MAX_VALUE).f64(Math.nextUp(-Double.MAX_VALUE));

        int segments = columns.stream().mapToInt(Column::segmentCount).sum();
        d.i32(7).i32(11).i32(4).i32(3 * segments);
        for (Column c : columns) {
            VariableSpec v = c.variable();
            boolean nominal =
                    v.kind() == VariableKind.STRING || !v.valueLabels().isEmpty();
            int displayWidth = switch (v.kind()) {
                case STRING -> Math.min(c.width(), 40);
                case DATE -> DATE_FORMAT_WIDTH;
                default -> v.type().width();
            };
            for (int segment = 0; segment < c.segmentCount(); segment++) {
                d.i32(nominal ? MEASURE_NOMINAL : MEASURE_SCALE)
                        .i32(displayWidth)
                        .i32(v.kind() == VariableKind.STRING ? ALIGN_LEFT : ALIGN_RIGHT);
            }
        }

        StringJoiner names = new StringJoiner("\t");
        columns.forEach(c -> names.add(c.shortName() + "=" + c.variable().name()));
        byte[] longNames = Utf8.bytes(names.toString());
        d.i32(7).i32(13).i32(1).i32(longNames.length).bytes(longNames);

        StringBuilder veryLong = new StringBuilder();
        for (Column c : columns) {
            if (c.segmentCount() > 1) {
                veryLong.append(c.shortName())
                        .append('=')
                        .append(String.format(Locale.ROOT, "%05d", c.width()))
                        .append('\0')
                        .append('\t');
            }
        }
        if (veryLong.length() > 0) {
            byte[] map = Utf8.bytes(veryLong.toString());
            d.i32(7).i32(14).i32(1).i32(map.length).bytes(map);
        }

        byte[] encoding = Utf8.bytes("UTF-8");
        d.i32(7).i32(20).i32(1).i32(encoding.length).bytes(encoding);
    }

    private static void putCell(CaseSink sink, Column c, Object cell) throws IOException {
        if (!c.numeric()) {
            byte[] value = cell == null ? new byte[0] : Utf8.bytes((String) cell);
            if (value.length > c.width()) {
                throw new IllegalStateException("variable " + c.variable().name()
                        + " is longer on the second pass than on the first; the row source is not repeatable");
            }
            for (int s = 0; s < c.segmentCount(); s++) {
                byte[] padded = new byte[c.elements(s) * 8];
                Arrays.fill(padded, SPACE);
                int from = s * SEGMENT_WIDTH; // segments are packed 255 bytes each
                if (from < value.length) {
                    System.arraycopy(value, from, padded, 0, Math.min(SEGMENT_WIDTH, value.length - from));
                }
                for (int e = 0; e < c.elements(s); e++) {
                    sink.string8(padded, e * 8);
                }
            }
        } else if (cell == null) {
            sink.number(SYSMIS);
        } else if (cell instanceof MissingCode code) {
            sink.number(code.code());
        } else if (cell instanceof LocalDate date) {
            sink.number((double) (date.toEpochDay() - EPOCH_DAY_OF_SPSS_ORIGIN) * SECONDS_PER_DAY);
        } else {
            sink.number(((Number) cell).doubleValue());
        }
    }

    /** Receives the 8-byte elements of the cases. */
    private interface CaseSink {
        void number(double value) throws IOException;

        void string8(byte[] bytes, int offset) throws IOException;

        void finish() throws IOException;
    }

    private static final class RawCases implements CaseSink {
        private final OutputStream out;
        private final ByteBuffer element = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

        RawCases(OutputStream out) {
            this.out = out;
        }

        @Override
        public void number(double value) throws IOException {
            element.clear();
            element.putDouble(value);
            out.write(element.array());
        }

        @Override
        public void string8(byte[] bytes, int offset) throws IOException {
            out.write(bytes, offset, 8);
        }

        @Override
        public void finish() {}
    }

    /** Bytecode compression: blocks of eight command bytes, each followed by its raw elements. */
    private static final class CompressedCases implements CaseSink {
        private static final int PADDING = 0;
        private static final int RAW = 253;
        private static final int BLANKS = 254;
        private static final int SYSTEM_MISSING = 255;
        private static final int MIN_COMPRESSIBLE = 1 - (int) COMPRESSION_BIAS;
        private static final int MAX_COMPRESSIBLE = 251 - (int) COMPRESSION_BIAS;

        private final OutputStream out;
        private final byte[] commands = new byte[8];
        private final ByteBuffer data = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        private int count;

        CompressedCases(OutputStream out) {
            this.out = out;
        }

        @Override
        public void number(double value) throws IOException {
            if (value == SYSMIS) {
                command(SYSTEM_MISSING);
            } else if (value == Math.rint(value) && value >= MIN_COMPRESSIBLE && value <= MAX_COMPRESSIBLE) {
                command((int) value + (int) COMPRESSION_BIAS);
            } else {
                data.putDouble(value);
                command(RAW);
            }
        }

        @Override
        public void string8(byte[] bytes, int offset) throws IOException {
            boolean blank = true;
            for (int i = offset; i < offset + 8; i++) {
                blank &= bytes[i] == SPACE;
            }
            if (blank) {
                command(BLANKS);
            } else {
                data.put(bytes, offset, 8);
                command(RAW);
            }
        }

        private void command(int code) throws IOException {
            commands[count++] = (byte) code;
            if (count == commands.length) {
                flush();
            }
        }

        private void flush() throws IOException {
            out.write(commands);
            out.write(data.array(), 0, data.position());
            data.clear();
            count = 0;
        }

        @Override
        public void finish() throws IOException {
            if (count > 0) {
                Arrays.fill(commands, count, commands.length, (byte) PADDING);
                flush();
            }
        }
    }
}
