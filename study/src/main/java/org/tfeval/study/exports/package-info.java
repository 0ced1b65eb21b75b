/**
 * Exports of a form's records in the import format, limited on the server to the task forces
 * the account sees and recorded in the audit log.
 */
package org.tfeval.study.exports;
