/**
 * Disclosure control across a whole report set: what an attacker who holds every document of the
 * set he may see (the public, or the staff of one task force) can work out about a count that some
 * document withholds ({@link org.tfeval.report.disclosure.ReportSetAudit}), and the integer
 * constraint solver that decides it exhaustively ({@link org.tfeval.report.disclosure.CountSystem}).
 */
package org.tfeval.report.disclosure;
