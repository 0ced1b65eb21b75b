/**
 * Coding case files, as the web application offers it: task-force case lists and progress,
 * starting and adopting case files, drafts saved as the coder types, completion only when the
 * pass validates, double coding with a blind second coder, reconciliation and agreement. Each
 * use case runs one transaction, enforces the task-force scope and the blindness of second
 * coding, and records views in the audit log. A save names the record version it was typed on:
 * a save over someone else's newer one with differing values is a {@code Coding.Conflict} (both
 * values, nothing written), never a silent overwrite; a NUL character is refused before the
 * database.
 */
package org.tfeval.study.coding;
