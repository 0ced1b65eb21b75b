/**
 * Native Java writers for released datasets: data files (CSV, Stata .dta 118, SPSS .sav, SAS
 * transport V5 .xpt, Parquet), setup programs that read the CSV (SPSS, SAS, Stata, R) and
 * codebooks (DDI Codebook 2.5 XML, HTML). Each is a {@link org.tfeval.release.format.DatasetWriter}
 * chosen by a {@link org.tfeval.release.format.FileFormat}.
 */
package org.tfeval.release.format;
