/**
 * CSV exports of a form in the import format, limited on the server to the task forces the
 * session sees (scoped roles) and audited with the form, task forces and row count.
 */
package org.tfeval.web.export;
