package org.tfeval.report.document;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lays out a report's XHTML as PDF with openhtmltopdf (LGPL-2.1-or-later, used unmodified as a
 * library) and PDFBox; inline SVG is drawn by Batik. Uses the PDF base-14 fonts, so reports keep
 * to Latin-1 text and the en dash.
 */
public final class PdfWriter {
    static {
        XRLog.setLoggingEnabled(false);
    }

    private PdfWriter() {}

    private static final Object WARM_UP_LOCK = new Object();
    private static Thread warmUp;

    /**
     * Lays out a small page with a table and a chart on a background thread and throws the result
     * away: the first PDF of a JVM spends seconds loading and compiling the layout engine, which this
     * moves off the critical path (call it before the work that precedes the PDFs). Idempotent.
     */
    public static void warmUp() {
        synchronized (WARM_UP_LOCK) {
            if (warmUp != null) return;
            Document d = Document.create("warm-up", "warm-up");
            d.section("Warm-up");
            d.table(TableView.builder("t")
                    .headers("a", "b")
                    .row(Cell.text("1"), Cell.text("2"))
                    .build());
            d.figure(
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" viewBox=\"0 0 10 10\"><rect x=\"0\" y=\"0\" "
                            + "width=\"5\" height=\"5\" fill=\"#000000\"/><text x=\"1\" y=\"9\">a</text></svg>",
                    "f",
                    null);
            String xhtml = d.toXhtml();
            warmUp = new Thread(() -> render(xhtml, OutputStream.nullOutputStream(), null), "pdf-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
    }

    private static void render(String xhtml, OutputStream out, String base) {
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useSVGDrawer(new BatikSVGDrawer());
        b.withHtmlContent(xhtml, base);
        b.toStream(out);
        try {
            b.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code xhtml} to {@code pdf}. */
    public static void write(String xhtml, Path pdf) {
        try {
            Files.createDirectories(pdf.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(pdf)) {
                render(xhtml, out, pdf.toAbsolutePath().getParent().toUri().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pdf, e);
        }
    }
}
