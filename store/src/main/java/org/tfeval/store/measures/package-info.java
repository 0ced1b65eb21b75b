/**
 * The performance-measure tables (migration V500) on a caller's connection and transaction: catalogue
 * versions, imports, values (loaded by COPY), revisions, gap explanations, and the case-file records behind
 * the measures the coded files compute.
 */
package org.tfeval.store.measures;
