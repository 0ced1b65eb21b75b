package org.tfeval.snapshot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The manifest of a snapshot ({@value Snapshot#MANIFEST}): who took it, when, from what, and the
 * SHA-256 of every file. The JSON on disk keeps the field names and order snapshots have always had.
 *
 * @param id                 the content hash: see {@link #ID_RULE}
 * @param createdAt          when the snapshot was taken
 * @param createdBy          who took it (the actor)
 * @param tfevalVersion      the tfeval version that wrote it
 * @param synthetic          whether the data are synthetic (generated, not real case files)
 * @param instrument         the instrument frozen with the data
 * @param allowErrors        whether it was taken despite validation errors
 * @param validation         the validation of the data it was taken from
 * @param derivedUnknownCode code written for a derived value whose inputs are missing
 * @param datasets           one Parquet file per form, in instrument order
 * @param files              every file of the snapshot with its SHA-256 (datasets, then the instrument)
 * @param idRule             how the ID is computed, in words
 * @param measures           the performance measures frozen with the data, or null when the study has none
 */
@JsonPropertyOrder({
    "id",
    "created_at",
    "created_by",
    "tfeval_version",
    "synthetic",
    "instrument",
    "allow_errors",
    "validation",
    "derived_unknown_code",
    "datasets",
    "files",
    "id_rule",
    "measures"
})
@JsonIgnoreProperties(ignoreUnknown = true)
public record Manifest(
        String id,

        @JsonProperty("created_at")
        @JsonSerialize(using = InstantText.Writer.class)
        @JsonDeserialize(using = InstantText.Reader.class)
        Instant createdAt,

        @JsonProperty("created_by") String createdBy,
        @JsonProperty("tfeval_version") String tfevalVersion,
        boolean synthetic,
        InstrumentRef instrument,
        @JsonProperty("allow_errors") boolean allowErrors,
        Validation validation,
        @JsonProperty("derived_unknown_code") int derivedUnknownCode,
        List<Dataset> datasets,
        List<FileHash> files,
        @JsonProperty("id_rule") String idRule,
        @JsonInclude(JsonInclude.Include.NON_NULL) Measures measures) {

    /** How the ID is computed, as written in every manifest. */
    public static final String ID_RULE =
            "SHA-256 of the lines '<file> <sha256>' for every dataset and the instrument (and the sample design when there"
                    + " is one), then 'allow_errors <bool>'";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * How the ID is computed when the snapshot holds performance measures (a snapshot without them keeps
     * {@link #ID_RULE} and the same ID as before measures existed).
     */
    public static final String ID_RULE_WITH_MEASURES =
            "SHA-256 of the lines '<file> <sha256>' for every dataset, the instrument and every performance-measure"
                    + " file, then 'allow_errors <bool>'";

    @JsonCreator
    public Manifest {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) throw new IllegalArgumentException("a snapshot manifest needs an id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(tfevalVersion, "tfevalVersion");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(validation, "validation");
        if (validation.errors() > 0 && !allowErrors) {
            throw new IllegalArgumentException("snapshot " + id + ": " + validation.errors()
                    + " validation errors recorded but allow_errors is false");
        }
        datasets = List.copyOf(datasets);
        files = List.copyOf(files);
        Objects.requireNonNull(idRule, "idRule");
    }

    /** A manifest without performance measures (the form every snapshot had before them). */
    public Manifest(
            String id,
            Instant createdAt,
            String createdBy,
            String tfevalVersion,
            boolean synthetic,
            InstrumentRef instrument,
            boolean allowErrors,
            Validation validation,
            int derivedUnknownCode,
            List<Dataset> datasets,
            List<FileHash> files,
            String idRule) {
        this(
                id,
                createdAt,
                createdBy,
                tfevalVersion,
                synthetic,
                instrument,
                allowErrors,
                validation,
                derivedUnknownCode,
                datasets,
                files,
                idRule,
                null);
    }

    /**
     * The performance measures of a snapshot (issue 14): the catalogue in force and one dataset per
     * {@link MeasureDataset}; their files are listed in {@link #files} and are part of the ID.
     *
     * @param catalogueId      the catalogue's id
     * @param catalogueVersion the catalogue version in force when the snapshot was taken
     * @param catalogueFile    the catalogue's YAML inside the snapshot
     * @param catalogueSha256  SHA-256 of that file
     * @param datasets         one per {@link MeasureDataset}, in its order ({@code form} holds the dataset name)
     */
    @JsonPropertyOrder({"catalogue_id", "catalogue_version", "catalogue_file", "catalogue_sha256", "datasets"})
    public record Measures(
            @JsonProperty("catalogue_id") String catalogueId,
            @JsonProperty("catalogue_version") String catalogueVersion,
            @JsonProperty("catalogue_file") String catalogueFile,
            @JsonProperty("catalogue_sha256") String catalogueSha256,
            List<Dataset> datasets) {
        public Measures {
            Objects.requireNonNull(catalogueId, "catalogueId");
            Objects.requireNonNull(catalogueVersion, "catalogueVersion");
            Objects.requireNonNull(catalogueFile, "catalogueFile");
            Objects.requireNonNull(catalogueSha256, "catalogueSha256");
            datasets = List.copyOf(datasets);
        }

        /** The dataset of a {@link MeasureDataset}. */
        public Optional<Dataset> dataset(MeasureDataset d) {
            return datasets.stream().filter(x -> x.form().equals(d.dataset())).findFirst();
        }
    }

    /** The performance measures frozen with the data, if the study had any. */
    public Optional<Measures> measuresFrozen() {
        return Optional.ofNullable(measures);
    }

    /**
     * The instrument frozen with the data.
     *
     * @param id      the instrument's id
     * @param version its version
     * @param sha256  SHA-256 of {@value Snapshot#INSTRUMENT}
     */
    @JsonPropertyOrder({"id", "version", "sha256"})
    public record InstrumentRef(String id, String version, String sha256) {
        public InstrumentRef {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * The validation the snapshot was taken after.
     *
     * @param errors   errors found
     * @param warnings warnings found
     * @param at       when the validation ran
     */
    @JsonPropertyOrder({"errors", "warnings", "at"})
    public record Validation(
            long errors,
            long warnings,

            @JsonSerialize(using = InstantText.Writer.class) @JsonDeserialize(using = InstantText.Reader.class)
            Instant at) {
        public Validation {
            if (errors < 0 || warnings < 0)
                throw new IllegalArgumentException(
                        "validation counts must not be negative: " + errors + ", " + warnings);
            Objects.requireNonNull(at, "at");
        }

        /** Whether the validation found no error. */
        public boolean passed() {
            return errors == 0;
        }
    }

    /**
     * One dataset (form) as a Parquet file.
     *
     * @param form    the form's name
     * @param label   the form's label
     * @param file    the file name inside the snapshot
     * @param rows    records
     * @param sha256  SHA-256 of the file
     * @param columns column names in file order (a date's missing-code companion follows the date)
     */
    @JsonPropertyOrder({"form", "label", "file", "rows", "sha256", "columns"})
    public record Dataset(String form, String label, String file, long rows, String sha256, List<String> columns) {
        public Dataset {
            Objects.requireNonNull(form, "form");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sha256, "sha256");
            if (rows < 0) throw new IllegalArgumentException("dataset " + form + ": rows must not be negative");
            columns = List.copyOf(columns);
        }
    }

    /**
     * A file of the snapshot and its hash.
     *
     * @param file   the file name inside the snapshot
     * @param sha256 SHA-256 of the file, hex
     */
    @JsonPropertyOrder({"file", "sha256"})
    public record FileHash(String file, String sha256) {
        public FileHash {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /** The dataset of a form. */
    public Optional<Dataset> dataset(String form) {
        return datasets.stream().filter(d -> d.form().equals(form)).findFirst();
    }

    /** Rows per dataset, in dataset order. */
    public Map<String, Long> rows() {
        Map<String, Long> out = new LinkedHashMap<>();
        datasets.forEach(d -> out.put(d.form(), d.rows()));
        return out;
    }

    /** Reads a manifest file. */
    public static Manifest read(Path file) {
        try {
            return JSON.readValue(file.toFile(), Manifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the snapshot manifest " + file, e);
        }
    }

    /** Writes the manifest as indented JSON. */
    public void write(Path file) throws IOException {
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }

    /** The manifest as indented JSON, as it is written to disk. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Instants written as ISO-8601 text ({@link Instant#toString}), as manifests always had them. */
    static final class InstantText {
        private InstantText() {}

        static final class Writer extends StdSerializer<Instant> {
            private static final long serialVersionUID = 1L;

            Writer() {
                super(Instant.class);
            }

            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toString());
            }
        }

        static final class Reader extends StdDeserializer<Instant> {
            private static final long serialVersionUID = 1L;

            Reader() {
                super(Instant.class);
            }

            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException e) {
                    return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
                }
            }
        }
    }
}
