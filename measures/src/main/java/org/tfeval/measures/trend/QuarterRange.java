package org.tfeval.measures.trend;

import org.tfeval.measures.FiscalQuarter;

/**
 * The range of task forces' values in one quarter.
 *
 * @param quarter the quarter
 * @param sites   task forces that reported it
 * @param min     smallest value
 * @param median  median value
 * @param max     largest value
 */
public record QuarterRange(FiscalQuarter quarter, int sites, double min, double median, double max) {}
