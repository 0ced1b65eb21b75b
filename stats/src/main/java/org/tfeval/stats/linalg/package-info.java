/**
 * Linear-algebra kernels shared by the estimators: deterministic parallel reduction over row blocks
 * ({@link org.tfeval.stats.linalg.RowBlocks}), weighted cross-products {@code X'WX}, {@code X'Wz} on a
 * block of a column-major design ({@link org.tfeval.stats.linalg.CrossProducts}), and symmetric
 * positive-definite solves and inverses through EJML ({@link org.tfeval.stats.linalg.SymmetricSolver}).
 * Partial sums are merged in block order, so results do not depend on the number of threads.
 */
package org.tfeval.stats.linalg;
