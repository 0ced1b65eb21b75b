package org.tfeval.synth;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link StudyGenerator#generate} wrote.
 *
 * @param directory           the directory holding the files
 * @param seed                the master seed
 * @param rows                data rows per form file, in instrument order ({@code case} to 226, ...)
 * @param caseListRows        data rows of {@code case_list.csv}, the sampling frame
 * @param injectedErrors      the deliberately injected errors, in file order (empty unless errors were asked for)
 * @param unmodelledVariables variables ({@code form.VARIABLE}) the generator has no model for and wrote as not
 *                            recorded; empty for the built-in instrument
 */
public record GeneratedStudy(
        Path directory,
        long seed,
        Map<String, Long> rows,
        long caseListRows,
        List<InjectedError> injectedErrors,
        List<String> unmodelledVariables) {
    /** The sampling frame file. */
    public static final String CASE_LIST_FILE = "case_list.csv";
    /** The notice that the data are synthetic. */
    public static final String NOTICE_FILE = "SYNTHETIC.txt";
    /** Columns of the sampling frame. */
    public static final List<String> CASE_LIST_COLUMNS = List.of("TF_ID", "CASE_REF", "CLOSED_YEAR", "HT_TYPE");

    public GeneratedStudy {
        Objects.requireNonNull(directory, "directory");
        rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
        injectedErrors = List.copyOf(injectedErrors);
        unmodelledVariables = List.copyOf(unmodelledVariables);
    }

    /** Data rows of a form's file. */
    public long rows(String form) {
        Long n = rows.get(form);
        if (n == null)
            throw new IllegalArgumentException(
                    "no file was written for form '" + form + "'; written: " + rows.keySet());
        return n;
    }

    /** The file of a form ({@code case.csv}). */
    public Path file(String form) {
        rows(form);
        return directory.resolve(form + ".csv");
    }

    /** The sampling frame. */
    public Path caseList() {
        return directory.resolve(CASE_LIST_FILE);
    }

    /** The notice. */
    public Path notice() {
        return directory.resolve(NOTICE_FILE);
    }
}
