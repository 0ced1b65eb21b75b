package org.tfeval.study;

import java.util.List;
import java.util.Map;
import org.tfeval.instrument.validation.ValidationReport;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.store.validate.ReportWriter;

/** The JSON shapes adapters print ({@code --format json}), the same as the study's JSON reports. */
public final class StudyJson {
    private StudyJson() {}

    /** Violations as JSON-ready rows (file, row, record, variable, code, message; never a value of free text). */
    public static List<Map<String, Object>> violations(List<Violation> violations) {
        return ReportWriter.violations(violations);
    }

    /** A validation report as a JSON-ready tree (as in {@code reports/validation.json}). */
    public static Map<String, Object> validation(ValidationReport report) {
        return ReportWriter.tree(report);
    }

    /** Indented JSON text of a tree. */
    public static String pretty(Object tree) {
        return ReportWriter.json(tree);
    }
}
