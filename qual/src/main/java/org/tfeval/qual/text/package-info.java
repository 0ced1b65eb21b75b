/**
 * Canonical text (UTF-8, NFC, LF) and spans over it in Unicode code points, end exclusive: the
 * coordinates every coding, turn and REFI-QDA selection uses.
 */
package org.tfeval.qual.text;
