/**
 * The study store: PostgreSQL tables derived from the instrument, migrations, validated import and
 * export, whole-study validation, reproducible sampling and the hash-chained audit log.
 */
package org.tfeval.store;
