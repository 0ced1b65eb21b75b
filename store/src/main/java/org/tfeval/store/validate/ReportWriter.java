package org.tfeval.store.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.tfeval.instrument.MissingCode;
import org.tfeval.instrument.validation.Violation;

/** Writes a validation report as JSON (for machines) and HTML (for coders and data managers). */
public final class ReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private ReportWriter() {
    }

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

    public static void writeHtml(ValidationReport r, Path file) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Validation report</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse;margin:1rem 0}")
                .append("th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}th{background:#f4f4f4}.error{color:#a00}")
                .append(".warning{color:#a60}.ok{color:#060}</style></head><body>\n");
        b.append("<h1>Validation report</h1>\n<p>Instrument ").append(esc(r.instrument())).append(", checked ").append(esc(r.at().toString()))
                .append(".</p>\n");
        b.append(r.passed() ? "<p class=\"ok\"><strong>No errors.</strong> " : "<p class=\"error\"><strong>" + r.errors() + " errors.</strong> ")
                .append(r.warnings()).append(" warnings.</p>\n");
        b.append("<h2>Records</h2>\n<table><tr><th>Form</th><th>Records</th></tr>\n");
        r.records().forEach((k, v) -> b.append("<tr><td>").append(esc(k)).append("</td><td>").append(v).append("</td></tr>\n"));
        b.append("</table>\n<h2>Problems by rule</h2>\n<table><tr><th>Rule</th><th>Count</th></tr>\n");
        new TreeMap<>(r.countsByCode()).forEach((k, v) -> b.append("<tr><td>").append(esc(k)).append("</td><td>").append(v).append("</td></tr>\n"));
        b.append("</table>\n<h2>Problems</h2>\n");
        if (r.violations().size() < r.errors() + r.warnings()) {
            b.append("<p>The first ").append(r.violations().size()).append(" of ").append(r.errors() + r.warnings()).append(" are listed.</p>\n");
        }
        b.append("<table><tr><th>Severity</th><th>Form</th><th>Record</th><th>Variable</th><th>Value</th><th>Problem</th><th>Rule</th></tr>\n");
        for (Violation v : r.violations()) {
            String sev = v.isError() ? "error" : "warning";
            b.append("<tr class=\"").append(sev).append("\"><td>").append(sev).append("</td><td>").append(esc(v.file())).append("</td><td>")
                    .append(esc(v.recordId())).append("</td><td>").append(esc(v.variable())).append("</td><td>").append(esc(v.value()))
                    .append("</td><td>").append(esc(v.message())).append("</td><td>").append(esc(v.code())).append("</td></tr>\n");
        }
        b.append("</table>\n<h2>Missing data by variable</h2>\n<table><tr><th>Form</th><th>Variable</th><th>Records</th><th>Blank</th>");
        List<MissingCode> stored = java.util.Arrays.stream(MissingCode.values()).filter(c -> !c.releaseOnly()).toList();
        for (MissingCode c : stored) {
            b.append("<th>").append(c.code()).append(' ').append(esc(c.defaultLabel().toLowerCase(Locale.ROOT))).append("</th>");
        }
        b.append("<th>Share without a value</th></tr>\n");
        for (Missingness m : r.missingness()) {
            b.append("<tr><td>").append(esc(m.form())).append("</td><td>").append(esc(m.variable())).append("</td><td>").append(m.records())
                    .append("</td><td>").append(m.blank()).append("</td><td>");
            for (MissingCode c : stored) b.append(m.byCode().getOrDefault(c.code(), 0L)).append("</td><td>");
            b.append(String.format(Locale.ROOT, "%.1f%%", 100 * m.share())).append("</td></tr>\n");
        }
        b.append("</table>\n</body></html>\n");
        write(file, b.toString());
    }

    static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void write(Path file, String text) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
