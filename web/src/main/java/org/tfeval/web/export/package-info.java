/**
 * CSV downloads of a form in the import format; the study limits them to the session's task
 * forces and audits them ({@link org.tfeval.study.exports.Exports}).
 */
package org.tfeval.web.export;
