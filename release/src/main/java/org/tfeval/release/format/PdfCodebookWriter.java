package org.tfeval.release.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.RowSource;
import org.tfeval.release.dataset.VariableKind;
import org.tfeval.release.dataset.VariableSpec;
import org.tfeval.release.summary.DatasetSummary;
import org.tfeval.release.summary.VariableSummary;

/**
 * A PDF codebook with the content of the {@link HtmlCodebookWriter HTML codebook}: for each variable
 * its label, question text, type, valid and missing counts, summary statistics and the table of codes
 * with labels, frequencies and percentages, with the same suppression of small counts. Drawn with
 * Apache PDFBox (Apache License 2.0), US Letter, as PDF/A-2b ({@link PdfA}): Liberation Sans (SIL
 * Open Font License, shipped inside PDFBox) embedded as a subset, bold drawn by stroking the glyph
 * outlines and italic by slanting them; characters the font lacks print as "?" (the HTML codebook has
 * them).
 */
public final class PdfCodebookWriter implements DatasetWriter {
    private static final float MARGIN = 54;
    private static final float BODY = 9.5f;
    private static final float HEADING = 12;
    private static final float TITLE = 16;
    private static final float LEADING = 1.35f;
    /** Columns of the code table: code, label, frequency, percent (points from the left margin). */
    private static final float[] CODE_COLUMNS = {0, 60, 380, 450};

    private static final float CODE_TABLE_END = 504;

    private final WriteOptions options;

    public PdfCodebookWriter(WriteOptions options) {
        this.options = options;
    }

    @Override
    public WrittenFile write(DatasetSpec spec, RowSource rows, Path target) throws IOException {
        DatasetSummary summary = DatasetSummary.compute(spec, rows);
        try (PDDocument doc = new PDDocument()) {
            Pages pages = new Pages(doc);
            String title = spec.label().isEmpty() ? spec.name() : spec.label() + " (" + spec.name() + ")";
            pages.paragraph("Codebook: " + title, pages.bold, TITLE);
            StringBuilder intro = new StringBuilder()
                    .append(summary.rowCount())
                    .append(" rows, ")
                    .append(spec.size())
                    .append(" variables. Written ")
                    .append(options.timestamp())
                    .append(" by tfeval-release.");
            options.suppressBelow()
                    .ifPresent(
                            k -> intro.append(" Frequencies from 1 to ")
                                    .append(k - 1)
                                    .append(" are shown as <")
                                    .append(k)
                                    .append("; ")
                                    .append(Suppression.COMPLEMENTARY)
                                    .append(
                                            " marks a count hidden so that a hidden count cannot be worked out from the totals."));
            pages.paragraph(intro.toString(), pages.regular, BODY);
            pages.paragraph(ReservedCodes.sentence(), pages.regular, BODY);
            pages.gap(BODY);
            Suppression suppression = new Suppression(options.suppressBelow());
            for (int i = 0; i < spec.size(); i++) {
                variable(
                        pages,
                        spec.variable(i),
                        summary.variables().get(i),
                        summary.rowCount(),
                        suppression,
                        options.notesOf(spec.variable(i).name()));
            }
            pages.finish();
            PdfA.conform(doc, "Codebook: " + pages.printable(title), options.timestamp());
            doc.save(target.toFile());
        }
        return new WrittenFile(target, FileFormat.PDF_CODEBOOK, summary.rowCount());
    }

    private static void variable(
            Pages p, VariableSpec v, VariableSummary s, long rows, Suppression suppression, VariableNotes notes)
            throws IOException {
        Suppression.Cells cells = suppression.cells(v, s);
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"Type", HtmlCodebookWriter.typeText(v)});
        facts.add(new String[] {"Valid", cells.valid()});
        facts.add(new String[] {"System missing", cells.systemMissing()});
        for (Map.Entry<MissingCode, String> e : v.missingCodes().entrySet()) {
            facts.add(
                    new String[] {"Missing " + e.getKey().code() + " (" + e.getValue() + ")", cells.missing(e.getKey())
                    });
        }
        if (!notes.universe().isEmpty()) {
            facts.add(new String[] {"Universe", notes.universe()});
        }
        if (!notes.derivation().isEmpty()) {
            facts.add(new String[] {"Derivation", notes.derivation()});
        }
        PrintedStatistics printed = PrintedStatistics.of(suppression.threshold());
        if (printed.withheld(s, cells)) {
            facts.add(new String[] {"Mean, SD and range", PrintedStatistics.WITHHELD_NOTE});
        }
        for (PrintedStatistics.Stat stat : printed.of(v, s, cells)) {
            facts.add(new String[] {stat.label(), stat.value()});
        }
        if (v.kind() == VariableKind.STRING) {
            facts.add(new String[] {"Longest value (bytes)", Integer.toString(s.maxLength())});
        }
        // keep a heading with at least its first lines
        p.need(HEADING * LEADING + 4 * BODY * LEADING);
        p.gap(BODY / 2);
        p.paragraph(v.name() + (v.label().isEmpty() ? "" : ": " + v.label()), p.bold, HEADING);
        if (!v.question().isEmpty()) {
            p.paragraph(v.question(), p.italic, BODY);
        }
        for (String[] f : facts) {
            p.row(
                    new String[] {f[0], f[1]},
                    new float[] {0, 160},
                    new boolean[] {false, false},
                    CODE_TABLE_END,
                    p.regular);
        }
        if (!s.frequencies().isEmpty() || !v.missingCodes().isEmpty()) {
            p.gap(BODY / 3);
            boolean[] right = {true, false, true, true};
            p.row(new String[] {"Code", "Label", "Frequency", "Percent"}, CODE_COLUMNS, right, CODE_TABLE_END, p.bold);
            for (Map.Entry<Long, Long> e : s.frequencies().entrySet()) {
                boolean hidden = cells.hidesFrequency(e.getKey());
                p.row(
                        new String[] {
                            e.getKey().toString(),
                            v.valueLabels().getOrDefault(e.getKey(), ""),
                            cells.frequency(e.getKey()),
                            percent(e.getValue(), rows, hidden)
                        },
                        CODE_COLUMNS,
                        right,
                        CODE_TABLE_END,
                        p.regular);
            }
            for (Map.Entry<MissingCode, String> e : v.missingCodes().entrySet()) {
                boolean hidden = cells.hidesMissing(e.getKey());
                p.row(
                        new String[] {
                            Long.toString(e.getKey().code()),
                            e.getValue(),
                            cells.missing(e.getKey()),
                            percent(s.missing(e.getKey()), rows, hidden)
                        },
                        CODE_COLUMNS,
                        right,
                        CODE_TABLE_END,
                        p.italic);
            }
            if (!s.frequenciesComplete()) {
                p.paragraph("More distinct values than the codebook counts.", p.italic, BODY);
            }
        }
        p.gap(BODY);
    }

    private static String percent(long count, long rows, boolean hidden) {
        return hidden || rows == 0 ? "" : String.format(Locale.ROOT, "%.1f", 100.0 * count / rows);
    }

    /** How a face draws the one embedded font: as it is, with stroked outlines (bold), or slanted (italic). */
    enum Style {
        REGULAR {
            @Override
            void apply(PDPageContentStream stream, float size, float x, float y) throws IOException {
                stream.setRenderingMode(RenderingMode.FILL);
                stream.newLineAtOffset(x, y);
            }
        },
        BOLD {
            @Override
            void apply(PDPageContentStream stream, float size, float x, float y) throws IOException {
                stream.setRenderingMode(RenderingMode.FILL_STROKE);
                stream.setLineWidth(size * BOLD_STROKE);
                stream.newLineAtOffset(x, y);
            }
        },
        ITALIC {
            @Override
            void apply(PDPageContentStream stream, float size, float x, float y) throws IOException {
                stream.setRenderingMode(RenderingMode.FILL);
                stream.setTextMatrix(new Matrix(1, 0, ITALIC_SLANT, 1, x, y));
            }
        };

        /** Outline stroke of bold text, as a share of the font size. */
        private static final float BOLD_STROKE = 0.035f;
        /** Slant of italic text (about 11 degrees). */
        private static final float ITALIC_SLANT = 0.2f;

        /** Sets up the text state and positions the text at (x, y); between beginText and showText. */
        abstract void apply(PDPageContentStream stream, float size, float x, float y) throws IOException;
    }

    /** The font with a style. */
    record Face(PDFont font, Style style) {
        float width(String text, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }
    }

    /** Text laid out top to bottom over as many pages as it needs. */
    private static final class Pages {
        final Face regular;
        final Face bold;
        final Face italic;
        private final PDDocument doc;
        private final Map<Integer, Boolean> encodable = new HashMap<>();
        private PDPageContentStream stream;
        private float y;
        private int pageNumber;

        Pages(PDDocument doc) throws IOException {
            this.doc = doc;
            PDFont font = PdfA.font(doc);
            regular = new Face(font, Style.REGULAR);
            bold = new Face(font, Style.BOLD);
            italic = new Face(font, Style.ITALIC);
            newPage();
        }

        private float width() {
            return PDRectangle.LETTER.getWidth() - 2 * MARGIN;
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            pageNumber++;
            stream = new PDPageContentStream(doc, page);
            stream.beginText();
            stream.setFont(regular.font(), BODY - 1.5f);
            stream.newLineAtOffset(PDRectangle.LETTER.getWidth() / 2 - 10, MARGIN / 2);
            stream.showText("- " + pageNumber + " -");
            stream.endText();
            y = PDRectangle.LETTER.getHeight() - MARGIN;
        }

        /** Starts a new page unless {@code height} points fit on this one. */
        void need(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void gap(float height) {
            y -= height;
        }

        /** A wrapped paragraph over the full width. */
        void paragraph(String text, Face font, float size) throws IOException {
            for (String line : wrap(printable(text), font, size, width())) {
                need(size * LEADING);
                y -= size * LEADING;
                show(line, font, size, MARGIN, y);
            }
        }

        /** A table row: cells at the column offsets, each wrapped within its column, right-aligned where asked. */
        void row(String[] cells, float[] columns, boolean[] right, float end, Face font) throws IOException {
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < cells.length; i++) {
                float colWidth = (i + 1 < columns.length ? columns[i + 1] : end) - columns[i] - 6;
                List<String> w = wrap(printable(cells[i]), font, BODY, colWidth);
                wrapped.add(w);
                lines = Math.max(lines, w.size());
            }
            need(lines * BODY * LEADING);
            for (int l = 0; l < lines; l++) {
                y -= BODY * LEADING;
                for (int i = 0; i < cells.length; i++) {
                    if (l >= wrapped.get(i).size()) {
                        continue;
                    }
                    String text = wrapped.get(i).get(l);
                    float x = MARGIN + columns[i];
                    if (right[i]) {
                        float colEnd = MARGIN + (i + 1 < columns.length ? columns[i + 1] : end) - 6;
                        x = colEnd - font.width(text, BODY);
                    }
                    show(text, font, BODY, x, y);
                }
            }
        }

        private void show(String text, Face font, float size, float x, float atY) throws IOException {
            if (text.isEmpty()) {
                return;
            }
            stream.beginText();
            stream.setFont(font.font(), size);
            font.style().apply(stream, size, x, atY);
            stream.showText(text);
            stream.endText();
        }

        private static List<String> wrap(String text, Face font, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (font.width(candidate, size) <= width || line.length() == 0 && fits(word, font, size, width)) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                // a word wider than the column is broken where it must
                String rest = word;
                while (!fits(rest, font, size, width) && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && !fits(rest.substring(0, cut), font, size, width)) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
            return lines;
        }

        private static boolean fits(String text, Face font, float size, float width) throws IOException {
            return font.width(text, size) <= width;
        }

        /** The text with every character the standard fonts cannot show replaced by "?" and controls by spaces. */
        String printable(String text) {
            StringBuilder b = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (Character.isISOControl(cp)) {
                    b.append(' ');
                } else if (encodable.computeIfAbsent(cp, this::canShow)) {
                    b.appendCodePoint(cp);
                } else {
                    b.append('?');
                }
            });
            return b.toString();
        }

        private boolean canShow(int codePoint) {
            try {
                regular.font().encode(new String(Character.toChars(codePoint)));
                return true;
            } catch (IllegalArgumentException | IllegalStateException | IOException e) {
                return false;
            }
        }

        void finish() throws IOException {
            stream.close();
        }
    }
}
