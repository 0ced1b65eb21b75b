package org.tfeval.release.format;

import java.util.Locale;
import java.util.Optional;

/** Every file a dataset can be released as, with its extension and writer. */
public enum FileFormat {
    CSV("csv", Role.DATA, "Comma-separated values, UTF-8, RFC 4180") {
        @Override
        public DatasetWriter writer(WriteOptions options) {
            return new CsvWriter();
        }
    },
    STATA("dta", Role.DATA, "Stata data file, format 118") {
        @Override
        public DatasetWriter writer(WriteOptions options) {
            return new StataWriter(options);
        }
    },
    SPSS("sav", Role.DATA, "SPSS system file") {
        @Override
        public DatasetWriter writer(WriteOptions options) {
            return new SpssWriter(options);
        }
    },
    SAS_TRANSPORT("xpt", Role.DATA, "SAS transport file, version 5") {
        @Override
        public DatasetWriter writer(WriteOptions options) {
            return new SasTransportWriter(options);
        }
    },
    PARQUET("parquet", Role.DATA, "Apache Parquet") {
        @Override
        public DatasetWriter writer(WriteOptions options) {
            return new ParquetWriter();
        }
    },
    SPSS_SYNTAX("sps", Role.SETUP, "SPSS syntax reading the CSV file") {
        @Override
        public DatasetWriter writer(WriteOptions options) {
            return new SpssSyntaxWriter(options);
        }
    },
    SAS_PROGRAM("sas", Role.SETUP, "SAS program reading the CSV file") {
        @Override
        public DatasetWriter writer(WriteOptions options) {
            return new SasProgramWriter(options);
        }
    },
    STATA_DO("do", Role.SETUP, "Stata do-file reading the CSV file") {
        @Override
        public DatasetWriter writer(WriteOptions options) {
            return new StataDoWriter(options);
        }
    },
    R_SCRIPT("R", Role.SETUP, "R script reading the CSV file") {
        @Override
        public DatasetWriter writer(WriteOptions options) {
            return new RScriptWriter(options);
        }
    },
    DDI_CODEBOOK("xml", Role.CODEBOOK, "DDI Codebook 2.5 XML") {
        @Override
        public DatasetWriter writer(WriteOptions options) {
            return new DdiCodebookWriter(options);
        }
    },
    HTML_CODEBOOK("html", Role.CODEBOOK, "HTML codebook") {
        @Override
        public DatasetWriter writer(WriteOptions options) {
            return new HtmlCodebookWriter(options);
        }
    },
    PDF_CODEBOOK("pdf", Role.CODEBOOK, "PDF codebook") {
        @Override
        public DatasetWriter writer(WriteOptions options) {
            return new PdfCodebookWriter(options);
        }
    };

    /** What a file is for. */
    public enum Role {
        /** Holds the rows. */
        DATA,
        /** A program that reads the CSV file and applies labels and missing values. */
        SETUP,
        /** Documents the variables, with frequencies and statistics. */
        CODEBOOK
    }

    private final String extension;
    private final Role role;
    private final String description;

    FileFormat(String extension, Role role, String description) {
        this.extension = extension;
        this.role = role;
        this.description = description;
    }

    /** Without the dot: {@code dta}. */
    public String extension() {
        return extension;
    }

    public Role role() {
        return role;
    }

    public String description() {
        return description;
    }

    /** {@code <dataset>.<extension>}. */
    public String fileName(String datasetName) {
        return datasetName + "." + extension;
    }

    /** A writer for this format with the given options. */
    public abstract DatasetWriter writer(WriteOptions options);

    /** A writer with {@link WriteOptions#defaults()}. */
    public DatasetWriter writer() {
        return writer(WriteOptions.defaults());
    }

    /** The format of a file name, by its extension. */
    public static Optional<FileFormat> ofFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (FileFormat f : values()) {
            if (lower.endsWith("." + f.extension.toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
