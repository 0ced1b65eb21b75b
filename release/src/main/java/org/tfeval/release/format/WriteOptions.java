package org.tfeval.release.format;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Settings shared by the writers, configured by copy ({@code options.withSuppressBelow(11)}).
 *
 * @param timestamp creation time written into file headers; fix it for byte-identical files
 * @param suppressBelow codebooks show frequencies from 1 to k - 1 as "&lt;k"; empty: show all
 * @param dataFileName the CSV file the setup programs read; empty: {@code <dataset>.csv}
 * @param studyTitle DDI citation title; empty: the dataset label (or name)
 * @param studyId DDI {@code IDNo}; empty: the dataset name
 * @param describedFiles file names the DDI codebook lists, one {@code fileDscr} each; empty: the
 *     CSV file alone
 * @param spssCompression whether SPSS files are bytecode-compressed
 * @param variableNotes universe and derivation of variables, by variable name; codebooks print them
 */
public record WriteOptions(
        LocalDateTime timestamp,
        OptionalInt suppressBelow,
        Optional<String> dataFileName,
        Optional<String> studyTitle,
        Optional<String> studyId,
        List<String> describedFiles,
        SpssCompression spssCompression,
        Map<String, VariableNotes> variableNotes) {

    /** A suppression threshold of 1 would suppress nothing; 2 is the smallest that means something. */
    public static final int MIN_SUPPRESSION_THRESHOLD = 2;

    public WriteOptions {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(suppressBelow, "suppressBelow");
        if (suppressBelow.isPresent() && suppressBelow.getAsInt() < MIN_SUPPRESSION_THRESHOLD) {
            throw new IllegalArgumentException("suppressBelow must be at least " + MIN_SUPPRESSION_THRESHOLD + ", not "
                    + suppressBelow.getAsInt());
        }
        Objects.requireNonNull(dataFileName, "dataFileName");
        dataFileName.ifPresent(WriteOptions::requirePlainFileName);
        Objects.requireNonNull(studyTitle, "studyTitle");
        Objects.requireNonNull(studyId, "studyId");
        describedFiles = List.copyOf(describedFiles);
        describedFiles.forEach(WriteOptions::requirePlainFileName);
        Objects.requireNonNull(spssCompression, "spssCompression");
        variableNotes = Map.copyOf(variableNotes);
    }

    /** Now (to the second), no suppression, default names, compressed SPSS. */
    public static WriteOptions defaults() {
        return new WriteOptions(
                LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS),
                OptionalInt.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                SpssCompression.BYTECODE,
                Map.of());
    }

    public WriteOptions withTimestamp(LocalDateTime value) {
        return new WriteOptions(
                value,
                suppressBelow,
                dataFileName,
                studyTitle,
                studyId,
                describedFiles,
                spssCompression,
                variableNotes);
    }

    public WriteOptions withSuppressBelow(int threshold) {
        return new WriteOptions(
                timestamp,
                OptionalInt.of(threshold),
                dataFileName,
                studyTitle,
                studyId,
                describedFiles,
                spssCompression,
                variableNotes);
    }

    public WriteOptions withDataFileName(String value) {
        return new WriteOptions(
                timestamp,
                suppressBelow,
                Optional.of(value),
                studyTitle,
                studyId,
                describedFiles,
                spssCompression,
                variableNotes);
    }

    public WriteOptions withStudy(String title, String id) {
        return new WriteOptions(
                timestamp,
                suppressBelow,
                dataFileName,
                Optional.of(title),
                Optional.of(id),
                describedFiles,
                spssCompression,
                variableNotes);
    }

    public WriteOptions withDescribedFiles(List<String> fileNames) {
        return new WriteOptions(
                timestamp, suppressBelow, dataFileName, studyTitle, studyId, fileNames, spssCompression, variableNotes);
    }

    public WriteOptions withSpssCompression(SpssCompression value) {
        return new WriteOptions(
                timestamp, suppressBelow, dataFileName, studyTitle, studyId, describedFiles, value, variableNotes);
    }

    /** Universe and derivation of variables, by name (codebooks print them). */
    public WriteOptions withVariableNotes(Map<String, VariableNotes> value) {
        return new WriteOptions(
                timestamp, suppressBelow, dataFileName, studyTitle, studyId, describedFiles, spssCompression, value);
    }

    /** The notes of a variable, {@link VariableNotes#NONE} when there are none. */
    VariableNotes notesOf(String variable) {
        return variableNotes.getOrDefault(variable, VariableNotes.NONE);
    }

    String dataFileNameFor(String datasetName) {
        return dataFileName.orElse(FileFormat.CSV.fileName(datasetName));
    }

    private static void requirePlainFileName(String name) {
        if (name == null
                || name.isBlank()
                || name.contains("/")
                || name.contains("\\")
                || name.contains("\"")
                || name.contains("'")
                || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("file name must be a plain name without directory or quotes: " + name);
        }
    }
}
