package org.tfeval.report.document;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A report being written: a title page, headed sections, paragraphs, numbered tables and figures.
 * Produces one self-contained XHTML file (inline CSS and SVG, no scripts, no external resources)
 * that browsers show and the PDF renderer lays out. Every table cell from a result table carries
 * {@code data-trace="analysis/table/row/column"}.
 */
public final class Document {
    private final String title;
    private final String footer;
    private final boolean compact;
    private final List<Block> body = new ArrayList<>();
    private Paper paper = Paper.DEFAULT;
    private int tables;
    private int figures;
    private int sections;

    private Document(String title, String footer, boolean compact) {
        this.title = Objects.requireNonNull(title, "title");
        this.footer = Objects.requireNonNull(footer, "footer");
        this.compact = compact;
    }

    /** A document; {@code footer} is printed at the foot of every PDF page. */
    public static Document create(String title, String footer) {
        return new Document(title, footer, false);
    }

    /** A document with smaller type and margins (the two-page brief). */
    public static Document compact(String title, String footer) {
        return new Document(title, footer, true);
    }

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(
            null, ContentType.Html, Document.class.getClassLoader(), "org.tfeval.report");

    /** A part of the body, as the template {@code document/document.jte} prints it. */
    interface Block {}

    record TitleBlock(TitlePage page) implements Block {}

    record HeaderBlock(String heading, String subtitle, boolean synthetic) implements Block {}

    record Heading(int level, int number, String text) implements Block {}

    /** A paragraph; {@code cls} is its CSS class or null. */
    record Paragraph(String cls, String text) implements Block {}

    record Bullets(List<String> items) implements Block {}

    /** A big number, its words and the trace of the number (or null). */
    record KeyFigure(String figure, String words, String trace) {}

    record KeyFigures(List<KeyFigure> figures) implements Block {}

    record PageBreak() implements Block {}

    record Table(int number, TableView view) implements Block {}

    /** A figure; {@code svg} is markup the chart package generated (trusted), everything else is escaped. */
    record Figure(int number, String svg, String caption, String source) implements Block {}

    /** Where the table of contents goes; filled with every numbered section when the document is printed. */
    record ContentsMark() implements Block {}

    /** The table of contents: every numbered section, linked (the PDF adds page numbers with target-counter). */
    record Contents(List<Heading> entries) implements Block {}

    /** What the template prints. */
    record Page(String title, String css, boolean compact, List<Block> blocks) {}

    /** Tables with at most this many rows are kept on one page with their caption; longer ones start a page. */
    public static final int KEEP_TOGETHER_ROWS = 24;

    /** The title of the table of contents. */
    public static final String CONTENTS = "Contents";

    /** Lays the PDF out on {@code p} (default {@link Paper#DEFAULT}). */
    public Document paper(Paper p) {
        this.paper = Objects.requireNonNull(p, "paper");
        return this;
    }

    /** The paper the PDF is laid out on. */
    public Paper paper() {
        return paper;
    }

    /**
     * A table of contents here, on a page of its own: every numbered section of the finished
     * document, each a link to its heading and, in the PDF, with its page number.
     */
    public Document contents() {
        body.add(new ContentsMark());
        body.add(new PageBreak());
        return this;
    }

    /** The numbered sections so far, in order: number and heading. */
    public List<String> sectionHeadings() {
        List<String> out = new ArrayList<>();
        for (Block b : body) {
            if (b instanceof Heading h && h.level() == 2) out.add(h.number() + ". " + h.text());
        }
        return out;
    }

    /** The title page (followed by a page break). */
    public Document titlePage(TitlePage t) {
        body.add(new TitleBlock(t));
        return this;
    }

    /** A short header band (the brief has no title page). */
    public Document header(String heading, String subtitle, boolean synthetic) {
        body.add(new HeaderBlock(heading, subtitle, synthetic));
        return this;
    }

    /** A numbered section heading; returns its number. */
    public int section(String heading) {
        sections++;
        body.add(new Heading(2, sections, heading));
        return sections;
    }

    /** A section heading on a new page. */
    public int sectionOnNewPage(String heading) {
        body.add(new PageBreak());
        return section(heading);
    }

    public Document subsection(String heading) {
        body.add(new Heading(3, 0, heading));
        return this;
    }

    public Document paragraph(String text) {
        body.add(new Paragraph(null, text));
        return this;
    }

    /** A paragraph set off as a caution. */
    public Document caution(String text) {
        body.add(new Paragraph("caution", text));
        return this;
    }

    public Document bullets(List<String> items) {
        if (!items.isEmpty()) body.add(new Bullets(List.copyOf(items)));
        return this;
    }

    /** Key figures: big numbers with a line of words each ({figure, words} or {figure, words, trace}). */
    public Document keyFigures(List<String[]> figuresAndWords) {
        body.add(new KeyFigures(figuresAndWords.stream()
                .map(f -> new KeyFigure(f[0], f[1], f.length > 2 ? f[2] : null))
                .toList()));
        return this;
    }

    public Document pageBreak() {
        body.add(new PageBreak());
        return this;
    }

    /** A numbered table; returns its number. */
    public int table(TableView v) {
        tables++;
        body.add(new Table(tables, v));
        return tables;
    }

    /** A numbered figure from inline SVG (made by the chart package, trusted markup); returns its number. */
    public int figure(String svg, String caption, String source) {
        figures++;
        body.add(new Figure(figures, svg, caption, source));
        return figures;
    }

    /** Tables so far. */
    public int tableCount() {
        return tables;
    }

    /** Figures so far. */
    public int figureCount() {
        return figures;
    }

    /** The next table's number (for text that cites it before it is added). */
    public int nextTable() {
        return tables + 1;
    }

    public int nextFigure() {
        return figures + 1;
    }

    /** The complete XHTML document. */
    public String toXhtml() {
        List<Heading> sectionsSoFar = new ArrayList<>();
        for (Block b : body) {
            if (b instanceof Heading h && h.level() == 2) sectionsSoFar.add(h);
        }
        List<Block> blocks = new ArrayList<>();
        for (Block b : body) blocks.add(b instanceof ContentsMark ? new Contents(List.copyOf(sectionsSoFar)) : b);
        StringOutput out = new StringOutput();
        TEMPLATES.render("document/document.jte", new Page(title, css(), compact, List.copyOf(blocks)), out);
        return out.toString();
    }

    private String css() {
        String footerText = footer.replace("\\", "\\\\").replace("\"", "\\\"");
        return "@page { size: " + paper.cssSize() + "; margin: "
                + (compact ? "12mm 14mm 14mm 14mm" : "20mm 18mm 20mm 18mm") + ";"
                + " @bottom-center { content: \"" + footerText
                + " \\00B7  page \" counter(page) \" of \" counter(pages);"
                + " font-family: Helvetica, Arial, sans-serif; font-size: 7.5pt; color: #555; } }"
                + "body { font-family: Helvetica, Arial, sans-serif; font-size: " + (compact ? "9pt" : "10pt")
                + "; line-height: 1.35; color: #111;"
                + " max-width: 60em; margin: 0 auto; padding: 0 1em; }"
                + "h1 { font-size: " + (compact ? "16pt" : "22pt") + "; margin: 0.4em 0; } h2 { font-size: "
                + (compact ? "11.5pt" : "15pt")
                + "; margin: 1.1em 0 0.4em; border-bottom: 1px solid #999; page-break-after: avoid; }"
                + "h3 { font-size: " + (compact ? "10pt" : "12pt")
                + "; margin: 0.9em 0 0.3em; page-break-after: avoid; }"
                + "p { margin: 0.35em 0; } ul { margin: 0.3em 0 0.5em 1.2em; padding: 0; } li { margin: 0.15em 0; }"
                + ".title-page { page-break-after: always; text-align: center; padding-top: 25mm; }"
                + ".title-page h1 { font-size: 24pt; } .subtitle { font-size: 12pt; color: #333; } .meta { font-size: 9pt; color: #333; }"
                + ".synthetic { font-size: 40pt; font-weight: bold; color: #b00020; border: 4px solid #b00020; padding: 6mm; margin: 0 0 10mm; }"
                + ".synthetic.small { font-size: 16pt; border-width: 2px; padding: 1mm 3mm; margin: 0 0 2mm; display: inline-block; }"
                + ".synthetic-note { margin-top: 12mm; font-size: 10pt; color: #b00020; }"
                + ".band { border-bottom: 2px solid #333; margin-bottom: 3mm; }"
                + ".caution { border-left: 3px solid #b36b00; padding-left: 0.6em; color: #4a3000; }"
                + "table.result { border-collapse: collapse; margin: 0.6em 0 0.2em; font-size: "
                + (compact ? "8pt" : "8.5pt") + "; width: 100%;"
                + " page-break-inside: auto; }"
                + "table.result caption { text-align: left; font-weight: bold; padding-bottom: 0.3em; caption-side: top; }"
                + "table.result th { border-bottom: 1px solid #333; text-align: left; padding: 2px 4px; vertical-align: bottom; }"
                + "table.result td { border-bottom: 1px solid #ddd; padding: 2px 4px; } table.result tr { page-break-inside: avoid; }"
                + "td.suppressed { color: #666; font-style: italic; }"
                // a caption stays with its table: a short table is kept whole, a long one starts on a new page
                // (the renderer's min-height hint left captions behind) and its header row repeats on every page
                + "table.result { -fs-table-paginate: paginate; }"
                + ".table-block.long { page-break-before: always; }"
                + "table.result thead { display: table-header-group; }"
                + ".table-block.keep { page-break-inside: avoid; }"
                + "table.result caption { page-break-after: avoid; }"
                + "nav.toc h2 { border-bottom: none; } nav.toc ul { list-style: none; margin: 0; padding: 0; }"
                + "nav.toc li { margin: 0.25em 0; } nav.toc a { color: #111; text-decoration: none; }"
                + "@media print { nav.toc a::after { content: leader('.') target-counter(attr(href), page); } }"
                + ".table-notes { font-size: 7.5pt; color: #444; margin-bottom: 0.8em; } .table-notes p { margin: 0.1em 0; }"
                + "figure { margin: 0.8em 0; page-break-inside: avoid; } figcaption { font-size: 8.5pt; font-weight: bold; margin-top: 0.3em; }"
                + "figcaption .source { font-weight: normal; color: #444; } svg { max-width: 100%; height: auto; }"
                + ".page-break { page-break-before: always; }"
                + ".key-figures { margin: 0.4em 0; } .key { display: inline-block; width: 31%; vertical-align: top; margin: 0 1% 0.4em 0; }"
                + ".key .big { display: block; font-size: " + (compact ? "17pt" : "20pt")
                + "; font-weight: bold; color: #0b4f8a; }"
                + ".key .words { display: block; font-size: 8pt; }"
                + "@media screen { .page-break { border-top: 1px dashed #bbb; margin: 2em 0; } }";
    }
}
