package org.tfeval.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.analysis.StudyResults;
import org.tfeval.analysis.SyntheticSnapshots;
import org.tfeval.snapshot.Snapshot;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The reports of the default synthetic study, rendered once per test JVM, and how a reader's tools see them. */
final class Rendered {
    /** Set to 1 to skip (not fail) tests whose tool (pdftotext, chromium) is not installed. */
    static final String SKIP_EXTERNAL = "TFEVAL_SKIP_EXTERNAL";

    private static Rendered instance;

    final Snapshot snapshot;
    final ReportSet reports;
    final StudyResults results;

    private Rendered(Snapshot snapshot, ReportSet reports) {
        this.snapshot = snapshot;
        this.reports = reports;
        this.results = StudyResults.read(reports.results());
    }

    static synchronized Rendered standard() {
        if (instance == null) {
            Snapshot s = SyntheticSnapshots.standard();
            try {
                Path out = Files.createTempDirectory(Path.of("/tmp"), "tfeval-reports-");
                instance = new Rendered(s, Reports.standard().build(s, AnalysisSettings.defaults(), "test", out));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** The printed text of a traced cell ({@code analysis/table/row/column}), recomputed from the result JSON. */
    String expected(String trace) {
        String[] p = trace.split("/");
        org.tfeval.analysis.ResultTable<?> t = results.analysis(p[0]).table(p[1]);
        int row = Integer.parseInt(p[2]);
        if (p[3].contains("+")) {
            String[] lh = p[3].split("\\+");
            return org.tfeval.report.document.Format.interval(
                    t.column(lh[0]).kind(), t.value(row, lh[0]), t.value(row, lh[1]));
        }
        return org.tfeval.report.document.Format.value(t.column(p[3]).kind(), t.value(row, p[3]));
    }

    /** Parses a report as XML (the reports are XHTML). */
    static Document xml(Path html) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return f.newDocumentBuilder().parse(html.toFile());
        } catch (Exception e) {
            throw new AssertionError("not well-formed XHTML: " + html + ": " + e.getMessage(), e);
        }
    }

    /** Elements with an attribute. */
    static List<Element> withAttribute(Document d, String attribute) {
        List<Element> out = new ArrayList<>();
        NodeList all = d.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute(attribute)) out.add(e);
        }
        return out;
    }

    /** Elements by tag name. */
    static List<Element> elements(Element e, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList all = e.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) out.add((Element) all.item(i));
        return out;
    }

    /** Elements by tag name. */
    static List<Element> elements(Document d, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList all = d.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) out.add((Element) all.item(i));
        return out;
    }

    /** An installed program, or a failure (a skip with TFEVAL_SKIP_EXTERNAL=1). */
    static Path tool(String name, String debianPackage) {
        for (String dir : List.of("/usr/bin", "/usr/local/bin", "/bin")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) return p;
        }
        Assumptions.assumeFalse(
                "1".equals(System.getenv(SKIP_EXTERNAL)), name + " is not installed (" + SKIP_EXTERNAL + "=1)");
        throw new AssertionError(name + " is not installed: apt-get install -y " + debianPackage + " (or set "
                + SKIP_EXTERNAL + "=1 to skip)");
    }

    /** Runs a program and returns its standard output; fails on a non-zero exit. */
    static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) throw new AssertionError(command + " timed out");
            if (p.exitValue() != 0) throw new AssertionError(command + " exited with " + p.exitValue());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
