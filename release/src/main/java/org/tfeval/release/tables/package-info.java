/**
 * The public tier when microdata cannot be public: frequency tables of the released variables by the
 * case's type, with primary and complementary suppression (the report module's rule), written as CSV
 * files with an index. No value of a record, only counts of at least k or withheld.
 */
package org.tfeval.release.tables;
