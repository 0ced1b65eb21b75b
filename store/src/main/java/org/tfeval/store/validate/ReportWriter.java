package org.tfeval.store.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.tfeval.instrument.validation.Missingness;
import org.tfeval.instrument.validation.ValidationReport;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.instrument.workflow.OwnerOnlyFiles;

/** Writes a validation report as JSON (for machines) and HTML (for coders and data managers). */
public final class ReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(
            null, ContentType.Html, ReportWriter.class.getClassLoader(), "org.tfeval.store");

    private ReportWriter() {}

    /** The report as a JSON-ready tree. */
    public static Map<String, Object> tree(ValidationReport r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", r.at().toString());
        out.put("instrument", r.instrument());
        out.put("passed", r.passed());
        out.put("errors", r.errors());
        out.put("warnings", r.warnings());
        out.put("records", r.records());
        out.put("counts_by_code", new TreeMap<>(r.countsByCode()));
        out.put("violations", violations(r.violations()));
        List<Map<String, Object>> miss = new ArrayList<>();
        for (Missingness m : r.missingness()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("form", m.form());
            row.put("variable", m.variable());
            row.put("records", m.records());
            row.put("blank", m.blank());
            Map<String, Long> codes = new TreeMap<>();
            m.byCode().forEach((k, v) -> codes.put(Integer.toString(k), v));
            row.put("missing_codes", codes);
            row.put("share_missing", m.share());
            miss.add(row);
        }
        out.put("missingness", miss);
        return out;
    }

    /** Violations as JSON-ready rows. */
    public static List<Map<String, Object>> violations(List<Violation> violations) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Violation v : violations) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("severity", v.severity().name().toLowerCase(Locale.ROOT));
            row.put("file", v.file());
            row.put("row", v.row());
            row.put("record", v.recordId());
            row.put("variable", v.variable());
            row.put("value", v.value());
            row.put("code", v.code());
            row.put("message", v.message());
            out.add(row);
        }
        return out;
    }

    /** JSON text of any tree on one line (for audit details). */
    public static String compactJson(Object tree) {
        try {
            return COMPACT.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON text of any tree. */
    public static String json(Object tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void writeJson(ValidationReport r, Path file) {
        write(file, json(tree(r)));
    }

    /** Writes the HTML report (the template {@code validate/report.jte}, which escapes every value). */
    public static void writeHtml(ValidationReport r, Path file) {
        StringOutput out = new StringOutput();
        TEMPLATES.render("validate/report.jte", r, out);
        write(file, out.toString());
    }

    private static void write(Path file, String text) {
        OwnerOnlyFiles.writeString(file, text, StandardCharsets.UTF_8); // validation reports name records
    }
}
