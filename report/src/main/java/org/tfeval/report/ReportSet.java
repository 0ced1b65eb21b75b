package org.tfeval.report;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link Reports} wrote.
 *
 * @param dir           the output folder
 * @param results       the result JSON folder
 * @param technicalHtml the technical report naming task forces (RESTRICTED), HTML
 * @param technicalPdf  the restricted technical report, PDF (null when PDF is off)
 * @param briefHtml     the practitioner brief, HTML
 * @param briefPdf      the brief, PDF (null when PDF is off)
 * @param taskForces    per task force ID, the folder of its report
 * @param index         the index page
 * @param publicTechnicalHtml the public edition of the technical report, HTML
 * @param publicTechnicalPdf  the public edition, PDF (null when PDF is off)
 */
public record ReportSet(
        Path dir,
        Path results,
        Path technicalHtml,
        Path technicalPdf,
        Path briefHtml,
        Path briefPdf,
        Map<String, Path> taskForces,
        Path index,
        Path publicTechnicalHtml,
        Path publicTechnicalPdf) {
    public ReportSet {
        Objects.requireNonNull(dir, "dir");
        taskForces = Collections.unmodifiableMap(new LinkedHashMap<>(taskForces));
    }
}
