/** Benchmarks of the backbone, run by {@code tfeval bench}: figures with their baseline from the same run, never tests. */
package org.tfeval.study.bench;
