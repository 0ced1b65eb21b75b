package org.tfeval.release.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.StringJoiner;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.RowSource;
import org.tfeval.release.dataset.VariableSpec;

/**
 * Apache Parquet via an in-memory DuckDB database (zstd-compressed). Column types: INTEGER as
 * INT64, DECIMAL as DOUBLE, STRING as UTF-8 string, DATE as DATE.
 *
 * <p>Parquet has no labels or user-missing values. Reserved missing codes in numeric columns keep
 * their numbers, as in the CSV; in DATE columns they become null, since a date column cannot hold
 * -9. The whole data dictionary (labels, question texts, value labels, missing codes) is stored as
 * JSON in the file's key-value metadata under {@value #DICTIONARY_KEY}.
 */
public final class ParquetWriter implements DatasetWriter {

    /** Key of the data dictionary in the Parquet key-value metadata. */
    public static final String DICTIONARY_KEY = "tfeval.dictionary";

    private static final String TABLE = "release_rows";

    @Override
    public WrittenFile write(DatasetSpec spec, RowSource rows, Path target) throws IOException {
        Path spill = Files.createTempDirectory("tfeval-duckdb");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement st = connection.createStatement()) {
                st.execute("SET temp_directory = " + literal(spill.toString()));
                StringJoiner columns = new StringJoiner(", ");
                for (VariableSpec v : spec.variables()) {
                    columns.add("\"" + v.name() + "\" " + sqlType(v));
                }
                st.execute("CREATE TABLE " + TABLE + " (" + columns + ")");
            }
            long n;
            try (DuckDBAppender appender =
                    connection.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, TABLE)) {
                n = spec.forEachRow(rows, cells -> {
                    try {
                        appender.beginRow();
                        for (int i = 0; i < cells.length; i++) {
                            append(appender, stored(spec.variable(i), cells[i]));
                        }
                        appender.endRow();
                    } catch (SQLException e) {
                        throw new IOException("cannot append a row to the Parquet table", e);
                    }
                });
            }
            try (Statement st = connection.createStatement()) {
                st.execute("COPY " + TABLE + " TO " + literal(target.toString())
                        + " (FORMAT parquet, COMPRESSION zstd, KV_METADATA {" + literal(DICTIONARY_KEY) + ": "
                        + literal(Json.dictionary(spec)) + "})");
            }
            return new WrittenFile(target, FileFormat.PARQUET, n);
        } catch (SQLException e) {
            throw new IOException("DuckDB could not write the Parquet file " + target.getFileName(), e);
        } finally {
            deleteQuietly(spill);
        }
    }

    private static String sqlType(VariableSpec v) {
        return switch (v.kind()) {
            case INTEGER -> "BIGINT";
            case DECIMAL -> "DOUBLE";
            case STRING -> "VARCHAR";
            case DATE -> "DATE";
        };
    }

    /** Missing codes keep their number in numeric columns and become null in date columns. */
    private static Object stored(VariableSpec v, Object cell) {
        if (!(cell instanceof MissingCode code)) {
            return cell;
        }
        return switch (v.kind()) {
            case INTEGER -> (long) code.code();
            case DECIMAL -> (double) code.code();
            default -> null;
        };
    }

    private static void append(DuckDBAppender appender, Object cell) throws SQLException {
        if (cell == null) {
            appender.appendNull();
        } else if (cell instanceof Long l) {
            appender.append(l.longValue());
        } else if (cell instanceof Double d) {
            appender.append(d.doubleValue());
        } else if (cell instanceof String s) {
            appender.append(s);
        } else if (cell instanceof LocalDate date) {
            appender.append(date);
        } else {
            throw new IllegalStateException(
                    "cell is not normalised: " + cell.getClass().getSimpleName());
        }
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover empty temporary directory is harmless
        }
    }
}
