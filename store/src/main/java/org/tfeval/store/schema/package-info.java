/** Tables derived from the instrument: names, DDL, migrations and the mapping of rows to typed values. */
package org.tfeval.store.schema;
