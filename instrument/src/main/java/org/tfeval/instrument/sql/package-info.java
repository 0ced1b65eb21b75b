/**
 * SQL names derived from the instrument: {@link org.tfeval.instrument.sql.SqlIdentifier#quote}, the
 * single quoting function the store, snapshot, release, analysis and web SQL use.
 */
package org.tfeval.instrument.sql;
