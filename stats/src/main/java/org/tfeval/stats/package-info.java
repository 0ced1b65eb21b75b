/**
 * tfeval's statistics engine. Estimators live in feature packages ({@code regression}, {@code mixed},
 * {@code robust}, {@code survival}, {@code proportion}, {@code table}, {@code agreement}); data enter
 * through {@code frame} and {@code design}. This package holds only the input-problem types that
 * every feature shares: {@link org.tfeval.stats.InputViolation} and
 * {@link org.tfeval.stats.InvalidInputException}.
 */
package org.tfeval.stats;
