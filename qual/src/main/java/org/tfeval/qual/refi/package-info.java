/**
 * REFI-QDA interchange (QDA-XML 1.0): codebooks as .qdc, projects as .qdpx (a ZIP with project.qde and
 * the sources' plain text). Writers are deterministic (export, import, export gives the same bytes) and
 * refuse a project that fails the semantic check the schema cannot express; readers are lenient (GUIDs
 * with or without braces, either case; CRLF) and list what they could not carry in a data-loss report.
 */
package org.tfeval.qual.refi;
