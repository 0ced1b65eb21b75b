/**
 * Keying a paper case file into the coding form by keyboard, as a coder does, counting keystrokes:
 * the fixed paper case ({@link org.tfeval.web.keying.PaperCase}), the scripted keyer
 * ({@link org.tfeval.web.keying.Keyer}, used by the layout tests) and the keying benchmark
 * ({@code web/bench/run-keying.sh}, never a unit test).
 */
package org.tfeval.web.keying;
