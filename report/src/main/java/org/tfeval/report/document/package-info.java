/**
 * Report documents: a small builder of a report's parts (numbered sections, tables and figures,
 * each number marked with the result table cell it comes from), rendered to well-formed XHTML by
 * the jte template {@code src/main/jte/document/document.jte}, which escapes every value (only the
 * charts' own SVG and the generated CSS are inserted unescaped); number formats; and the PDF
 * renderer (openhtmltopdf with Batik for inline SVG).
 */
package org.tfeval.report.document;
