package org.tfeval.snapshot.qual;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tfeval.snapshot.Snapshot;

/**
 * What the reports need of the interviews, frozen with a snapshot.
 *
 * @param themes       coded segments and distinct interviewees per theme, stakeholder group and site
 * @param interviewed  interviewees per stakeholder group and site (the denominators)
 * @param quotes       quote candidates: segments of codable (de-identified and reviewed) transcripts whose
 *                     participants consent to quotes and have not withdrawn
 * @param reliability  the latest closed reliability round, or null when none is closed
 */
public record QualitativeFindings(
        List<ThemeCount> themes, List<Interviewed> interviewed, List<Quote> quotes, Reliability reliability) {
    /** File name inside the snapshot folder. */
    public static final String FILE = "qualitative.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public QualitativeFindings {
        themes = List.copyOf(themes);
        interviewed = List.copyOf(interviewed);
        quotes = List.copyOf(quotes);
    }

    /**
     * One theme in one group at one site.
     *
     * @param theme       the code's name
     * @param question    its top category (the research question it answers)
     * @param group       the stakeholder group's label
     * @param site        the task force
     * @param segments    coded segments
     * @param interviewees distinct participants with the theme
     */
    public record ThemeCount(String theme, String question, String group, String site, int segments, int interviewees) {
        public ThemeCount {
            Objects.requireNonNull(theme, "theme");
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(site, "site");
            if (segments < interviewees || interviewees < 1) {
                throw new IllegalArgumentException("a theme count needs 1 <= interviewees <= segments");
            }
        }
    }

    /** Interviewees of a group at a site. */
    public record Interviewed(String group, String site, int interviewees) {}

    /**
     * A quote candidate.
     *
     * @param theme the code's name
     * @param group the speaker's stakeholder group
     * @param site  the task force
     * @param text  the de-identified words (tokens in place of identifiers)
     */
    public record Quote(String theme, String group, String site, String text) {
        public Quote {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * The latest closed round's figures per code.
     *
     * @param round       the round
     * @param coders      coders in it
     * @param transcripts transcripts in it
     * @param codes       per code
     */
    public record Reliability(int round, int coders, int transcripts, List<CodeReliability> codes) {
        public Reliability {
            codes = List.copyOf(codes);
        }
    }

    /** One code's reliability: NVivo character kappa and alpha on turns, each with its interval. */
    public record CodeReliability(
            String code,
            @JsonProperty("percent_agreement") Double percentAgreement,
            Double kappa,
            @JsonProperty("kappa_lower") Double kappaLower,
            @JsonProperty("kappa_upper") Double kappaUpper,
            Double alpha,
            @JsonProperty("alpha_lower") Double alphaLower,
            @JsonProperty("alpha_upper") Double alphaUpper) {}

    /** Nothing recorded. */
    public static QualitativeFindings none() {
        return new QualitativeFindings(List.of(), List.of(), List.of(), null);
    }

    public boolean empty() {
        return themes.isEmpty() && quotes.isEmpty() && reliability == null;
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static QualitativeFindings fromJson(byte[] json) {
        try {
            return JSON.readValue(json, QualitativeFindings.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a qualitative findings file", e);
        }
    }

    /** The findings frozen with a snapshot, if it has any (snapshots before the qualitative strand have none). */
    public static Optional<QualitativeFindings> of(Snapshot snapshot) {
        Path f = snapshot.dir().resolve(FILE);
        if (!Files.exists(f)) return Optional.empty();
        try {
            return Optional.of(fromJson(Files.readAllBytes(f)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }
}
