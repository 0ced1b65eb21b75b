/**
 * Report documents: a small builder of well-formed XHTML (numbered tables and figures, each number
 * marked with the result table cell it comes from), number formats, and the PDF renderer
 * (openhtmltopdf with Batik for inline SVG).
 */
package org.tfeval.report.document;
