package org.tfeval.snapshot.write;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.Missing;
import org.tfeval.instrument.Severity;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.VariableType;
import org.tfeval.instrument.validation.Location;
import org.tfeval.instrument.validation.RecordValidator;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.snapshot.Manifest;

/**
 * A study held as import files ({@code <form>.csv} for every form, UTF-8, a header row of variable
 * names), as a {@link DatasetSource} without a database: every cell is typed the way an import types
 * it ({@link RecordValidator#parse}), the records are laid out in an embedded DuckDB database the way
 * the store lays out its tables, and the datasets are read with the same {@link DatasetQuery} the
 * store runs. A snapshot written from these files therefore holds what a snapshot taken after
 * importing them holds. For generated studies and test fixtures: only the checks within a record
 * run (their counts are {@link #validation()}); links, duplicate keys and the other checks across
 * records are the store's. Close it to delete the database.
 */
public final class CsvStudy implements DatasetSource, AutoCloseable {
    private final Path work;
    private final Connection duck;
    private final Manifest.Validation validation;

    private CsvStudy(Path work, Connection duck, Manifest.Validation validation) {
        this.work = work;
        this.duck = duck;
        this.validation = validation;
    }

    /** Reads {@code <form>.csv} of every form of the instrument from a folder. */
    public static CsvStudy load(Instrument instrument, Path folder) {
        Path work;
        try {
            work = Files.createTempDirectory("tfeval-csv-study-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work folder for the study files of " + folder, e);
        }
        Connection duck = null;
        boolean loaded = false;
        try {
            duck = DriverManager.getConnection("jdbc:duckdb:" + work.resolve("study.duckdb"));
            try (Statement st = duck.createStatement()) {
                st.execute("SET threads TO " + SnapshotWriter.DUCKDB_THREADS);
                st.execute("SET preserve_insertion_order = true");
            }
            long[] counts = new long[2];
            Instant at = Instant.now();
            for (Form f : instrument.forms()) {
                load(duck, instrument, f, folder.resolve(f.name() + ".csv"), work, v -> counts[v.isError() ? 0 : 1]++);
            }
            CsvStudy study = new CsvStudy(work, duck, new Manifest.Validation(counts[0], counts[1], at));
            loaded = true;
            return study;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the study files in " + folder, e);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot lay out the study files of " + folder + " (" + e.getSQLState() + ")", e);
        } finally {
            if (!loaded) close(duck, work);
        }
    }

    /** Lays out one form's file as its table. */
    private static void load(
            Connection duck, Instrument instrument, Form f, Path file, Path work, Consumer<Violation> violations)
            throws IOException, SQLException {
        Path layout = work.resolve(f.name() + ".layout.csv");
        layOut(instrument, f, file, layout, violations);
        List<String> types = new ArrayList<>();
        List<String> defs = new ArrayList<>();
        for (Variable v : f.variables()) {
            String t = DatasetQuery.type(v.type());
            types.add("'" + DatasetQuery.columnName(v.name()) + "': '" + t + "'");
            defs.add(DatasetQuery.column(v.name()) + " " + t);
            if (v.type() == VariableType.DATE) {
                types.add("'" + DatasetQuery.columnName(v.name()) + DatasetQuery.MISSING_SUFFIX + "': 'SMALLINT'");
                defs.add(DatasetQuery.missingColumn(v.name()) + " SMALLINT");
            }
        }
        try (Statement st = duck.createStatement()) {
            st.execute("CREATE TABLE " + f.table() + " (" + String.join(", ", defs) + ")");
            if (Files.size(layout) > 0)
                st.execute("INSERT INTO " + f.table() + " SELECT * FROM " + SnapshotWriter.readCsv(layout, types));
        }
        Files.delete(layout);
    }

    /** Errors and warnings found within records while typing the files. */
    public Manifest.Validation validation() {
        return validation;
    }

    @Override
    public long export(DatasetQuery dataset, Path csv) throws SQLException {
        try (Statement st = duck.createStatement()) {
            st.execute("COPY (" + dataset.select() + ") TO '" + csv
                    + "' (FORMAT csv, HEADER false, DELIMITER ',', QUOTE '\"', ESCAPE '\"')");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + dataset.table())) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() {
        close(duck, work);
    }

    /** Types every row of a form's file and writes it in the table layout, as CSV in the {@link DatasetSource} convention. */
    private static void layOut(Instrument instrument, Form form, Path file, Path layout, Consumer<Violation> violations)
            throws IOException {
        String name = file.getFileName().toString();
        RecordValidator validator = new RecordValidator(instrument, form);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180
                        .builder()
                        .setIgnoreEmptyLines(true)
                        .get()
                        .parse(in);
                Writer out = new BufferedWriter(Files.newBufferedWriter(layout, StandardCharsets.UTF_8), 1 << 16)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                violations.accept(
                        new Violation(name, 0, null, null, null, "empty_file", "the file is empty", Severity.ERROR));
                return;
            }
            List<Variable> columns = header(form, records.next(), name, violations);
            Map<String, String> cells = new HashMap<>();
            long row = 0;
            StringBuilder line = new StringBuilder();
            while (records.hasNext()) {
                CSVRecord r = records.next();
                row++;
                cells.clear();
                if (r.size() > columns.size()) {
                    violations.accept(new Violation(
                            name,
                            row,
                            null,
                            null,
                            null,
                            "too_many_cells",
                            "has more cells than the header",
                            Severity.ERROR));
                }
                for (int i = 0; i < columns.size() && i < r.size(); i++) {
                    if (columns.get(i) != null) cells.put(columns.get(i).name(), r.get(i));
                }
                Map<String, Object> typed = validator.parse(cells, new Location(name, row), violations);
                line.setLength(0);
                appendLine(line, form, typed);
                out.write(line.toString());
            }
        }
    }

    /** Maps header cells to variables as an import does (trimmed, upper-cased); unknown or repeated columns are errors. */
    private static List<Variable> header(Form form, CSVRecord header, String file, Consumer<Violation> violations) {
        List<Variable> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String cell = header.get(i);
            if (i == 0 && cell.startsWith("\uFEFF")) cell = cell.substring(1);
            String name = cell.strip().toUpperCase(Locale.ROOT);
            Variable v = form.find(name).orElse(null);
            if (v == null || !seen.add(name)) {
                violations.accept(new Violation(
                        file,
                        0,
                        null,
                        null,
                        null,
                        v == null ? "unknown_column" : "repeated_column",
                        "column " + (i + 1) + " is not a variable of the " + form.name() + " form, or repeated",
                        Severity.ERROR));
                v = null;
            }
            out.add(v);
        }
        for (Variable v : form.variables()) {
            if (v.required() && !seen.contains(v.name())) {
                violations.accept(new Violation(
                        file,
                        0,
                        null,
                        v.name(),
                        null,
                        "missing_column",
                        "the required column is missing from the header",
                        Severity.ERROR));
            }
        }
        return out;
    }

    /** One record in the table layout: values, a date's missing code after it, missing codes of text as their text. */
    private static void appendLine(StringBuilder b, Form form, Map<String, Object> values) {
        boolean first = true;
        for (Variable v : form.variables()) {
            if (!first) b.append(',');
            first = false;
            Object value = values.get(v.name());
            if (v.type() == VariableType.DATE) {
                if (value instanceof LocalDate d) b.append(d);
                b.append(',');
                if (value instanceof Missing m) b.append(m.code());
            } else if (value instanceof Missing m) {
                if (v.type().isCharacter()) {
                    b.append('"').append(m.code()).append('"');
                } else {
                    b.append(m.code());
                }
            } else if (value != null) {
                if (v.type().isCharacter()) {
                    b.append('"').append(((String) value).replace("\"", "\"\"")).append('"');
                } else {
                    b.append(v.type().format(value));
                }
            }
        }
        b.append('\n');
    }

    private static void close(Connection duck, Path work) {
        try {
            if (duck != null) duck.close();
        } catch (SQLException e) {
            // the database file is deleted below either way
        }
        if (work == null) return;
        try (var s = Files.walk(work)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + work, e);
        }
    }
}
