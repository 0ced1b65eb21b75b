/**
 * The performance-measure strand's use cases on an open study: import (validated, atomic, audited,
 * idempotent), reported vs computed with drill-down to the case-file records, LE/VS reconciliation with
 * recorded explanations, export in the grantees' layout, the performance-measures report, the demo's
 * synthetic measures and the bench.
 */
package org.tfeval.study.measures;
