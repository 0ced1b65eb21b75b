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

    private PdfWriter() {
    }

    /** Writes {@code xhtml} to {@code pdf}; {@code base} resolves relative links (none are used). */
    public static void write(String xhtml, Path pdf) {
        try {
            Files.createDirectories(pdf.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(pdf)) {
                PdfRendererBuilder b = new PdfRendererBuilder();
                b.useFastMode();
                b.useSVGDrawer(new BatikSVGDrawer());
                b.withHtmlContent(xhtml, pdf.toAbsolutePath().getParent().toUri().toString());
                b.toStream(out);
                b.run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pdf, e);
        }
    }
}
