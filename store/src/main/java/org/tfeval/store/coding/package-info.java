/**
 * Coding case files in the web application. A case file (a case with its victims, suspects and
 * offenses) is coded in pass 1 and, when double-coded, blind in pass 2; every record of a pass is
 * kept as the cells the coder typed, so a draft may break rules and nothing typed is lost.
 * Completing pass 1 validates the whole case file with the instrument's
 * {@link org.tfeval.instrument.validation.RecordValidator} (the code behind {@code tfeval validate})
 * and writes it into the form tables, audited. Reconciliation compares the passes field by field.
 * Everything the forms need (labels, codes, skip logic, keys, inherited and derived values) comes
 * from the instrument through {@link org.tfeval.store.coding.CaseForms}. Methods taking a
 * {@link java.sql.Connection} work inside the caller's transaction.
 */
package org.tfeval.store.coding;
