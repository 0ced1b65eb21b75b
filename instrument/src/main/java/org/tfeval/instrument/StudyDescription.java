package org.tfeval.instrument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an archive's study-level documentation says about the study, from the {@code study:}
 * section of the instrument file, carried by the {@link Instrument} and so frozen with every snapshot: citation (producer, principal
 * investigators, funders and awards, version and its history, DOI), terms of use, abstract, time
 * period, geography, universe, sample design, weights, coder reliability, and what is withheld from
 * every release and why. Every text is the study's own words; an absent field is empty (the DOI
 * stays empty until an archive assigns one). Variables, codes and forms are never repeated here:
 * documentation derives them from the instrument.
 *
 * @param title the study's title (default: the instrument's title)
 * @param abstractText what the study is about
 * @param producer who produced the data files
 * @param principalInvestigators the principal investigators
 * @param funding funders with their award numbers
 * @param doi the data set's DOI, empty until assigned
 * @param version the data set's version
 * @param versionHistory earlier versions and what changed, oldest first
 * @param termsOfUse conditions of use
 * @param citationRequirement how users are to cite the data
 * @param timePeriod the period the data cover
 * @param collectionPeriod when the data were collected
 * @param nation the country
 * @param geography the geographic coverage
 * @param universe who or what the study covers
 * @param analysisUnit the units of analysis
 * @param dataKind the kind of data
 * @param sampleDesign how the units were sampled
 * @param weights whether and how the data are weighted
 * @param coderReliability how reliable the coding is (agreement between coders), empty when not assessed
 * @param withheld what no release contains, and why
 * @param researchQuestions the study's research questions, in order (reports group their findings under them)
 */
public record StudyDescription(
        String title,
        String abstractText,
        String producer,
        List<Person> principalInvestigators,
        List<Funding> funding,
        String doi,
        String version,
        List<Version> versionHistory,
        String termsOfUse,
        String citationRequirement,
        Period timePeriod,
        Period collectionPeriod,
        String nation,
        String geography,
        String universe,
        String analysisUnit,
        String dataKind,
        SampleDesign sampleDesign,
        String weights,
        String coderReliability,
        List<Withheld> withheld,
        List<ResearchQuestion> researchQuestions) {

    /** The key of the section in the instrument file. */
    public static final String SECTION = "study";

    public StudyDescription {
        Objects.requireNonNull(title, "title");
        abstractText = text(abstractText);
        producer = text(producer);
        principalInvestigators = List.copyOf(principalInvestigators);
        funding = List.copyOf(funding);
        doi = text(doi);
        if (!doi.isEmpty() && !doi.matches("10\\.\\d{4,9}/\\S+")) {
            throw new IllegalArgumentException("study doi must look like 10.NNNN/suffix (or be empty)");
        }
        version = text(version);
        versionHistory = List.copyOf(versionHistory);
        termsOfUse = text(termsOfUse);
        citationRequirement = text(citationRequirement);
        Objects.requireNonNull(timePeriod, "timePeriod");
        Objects.requireNonNull(collectionPeriod, "collectionPeriod");
        nation = text(nation);
        geography = text(geography);
        universe = text(universe);
        analysisUnit = text(analysisUnit);
        dataKind = text(dataKind);
        Objects.requireNonNull(sampleDesign, "sampleDesign");
        weights = text(weights);
        coderReliability = text(coderReliability);
        withheld = List.copyOf(withheld);
        researchQuestions = List.copyOf(researchQuestions);
        if (researchQuestions.stream().map(ResearchQuestion::id).distinct().count() != researchQuestions.size()) {
            throw new IllegalArgumentException("research_questions: every id must be unique");
        }
    }

    /**
     * A research question: a short id that reports use to place their findings under it, and the
     * question in the study's words.
     */
    public record ResearchQuestion(String id, String question) {
        public ResearchQuestion {
            id = text(id);
            question = text(question);
            if (!id.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("research_questions: an id is lower-case letters, digits and _");
            }
            if (question.isEmpty()) throw new IllegalArgumentException("research_questions: a question needs words");
        }
    }

    /** A principal investigator. */
    public record Person(String name, String affiliation) {
        public Person {
            Objects.requireNonNull(name, "name");
            affiliation = text(affiliation);
        }
    }

    /** A funder and its award number (empty when none). */
    public record Funding(String funder, String award) {
        public Funding {
            Objects.requireNonNull(funder, "funder");
            award = text(award);
        }
    }

    /** A version of the data set: its number, date (ISO, may be empty) and what changed. */
    public record Version(String version, String date, String note) {
        public Version {
            Objects.requireNonNull(version, "version");
            date = text(date);
            note = text(note);
        }
    }

    /** A period; each end an ISO date or year, empty when unknown. */
    public record Period(String start, String end) {
        public Period {
            start = text(start);
            end = text(end);
        }

        public boolean isEmpty() {
            return start.isEmpty() && end.isEmpty();
        }
    }

    /**
     * How the units were sampled.
     *
     * @param frames the sampling frames
     * @param draws how units were drawn from them
     * @param targetSizes the intended sample sizes (the achieved sizes are the released row counts)
     */
    public record SampleDesign(String frames, String draws, String targetSizes) {
        public SampleDesign {
            frames = text(frames);
            draws = text(draws);
            targetSizes = text(targetSizes);
        }
    }

    /** Something no release contains and the reason. */
    public record Withheld(String what, String why) {
        public Withheld {
            Objects.requireNonNull(what, "what");
            why = text(why);
        }
    }

    /** A description with nothing but the title and version (what an instrument without a study section has). */
    public static StudyDescription empty(String title, String version) {
        return new StudyDescription(
                title,
                "",
                "",
                List.of(),
                List.of(),
                "",
                version,
                List.of(),
                "",
                "",
                new Period("", ""),
                new Period("", ""),
                "",
                "",
                "",
                "",
                "",
                new SampleDesign("", "", ""),
                "",
                "",
                List.of(),
                List.of());
    }

    /** Whether the description says nothing beyond the instrument's title and version. */
    public boolean isEmpty(String instrumentTitle, String instrumentVersion) {
        return equals(empty(instrumentTitle, instrumentVersion));
    }

    /**
     * The {@code study:} section of an instrument file ({@code section} may be missing); title and
     * version default to the instrument's.
     */
    static StudyDescription parse(JsonNode s, String title, String version) {
        if (s == null || s.isMissingNode() || s.isNull()) {
            return empty(title, version);
        }
        if (!s.isObject()) {
            throw new InstrumentException(SECTION + ": expected a mapping");
        }
        List<Person> pis = new ArrayList<>();
        s.path("principal_investigators")
                .forEach(p -> pis.add(new Person(
                        required(p, "name", "principal_investigators"),
                        p.path("affiliation").asText(""))));
        List<Funding> funding = new ArrayList<>();
        s.path("funding")
                .forEach(f -> funding.add(new Funding(
                        required(f, "funder", "funding"), f.path("award").asText(""))));
        List<Version> history = new ArrayList<>();
        s.path("version_history")
                .forEach(v -> history.add(new Version(
                        required(v, "version", "version_history"),
                        v.path("date").asText(""),
                        v.path("note").asText(""))));
        List<Withheld> withheld = new ArrayList<>();
        s.path("withheld")
                .forEach(w -> withheld.add(new Withheld(
                        required(w, "what", "withheld"), w.path("why").asText(""))));
        List<ResearchQuestion> questions = new ArrayList<>();
        JsonNode sample = s.path("sample_design");
        try {
            s.path("research_questions")
                    .forEach(q -> questions.add(new ResearchQuestion(
                            required(q, "id", "research_questions"),
                            q.path("question").asText(""))));
            return new StudyDescription(
                    s.path("title").asText(title),
                    s.path("abstract").asText(""),
                    s.path("producer").asText(""),
                    pis,
                    funding,
                    s.path("doi").asText(""),
                    s.path("version").asText(version),
                    history,
                    s.path("terms_of_use").asText(""),
                    s.path("citation_requirement").asText(""),
                    period(s.path("time_period")),
                    period(s.path("collection_period")),
                    s.path("nation").asText(""),
                    s.path("geography").asText(""),
                    s.path("universe").asText(""),
                    s.path("analysis_unit").asText(""),
                    s.path("data_kind").asText(""),
                    new SampleDesign(
                            sample.path("frames").asText(""),
                            sample.path("draws").asText(""),
                            sample.path("target_sizes").asText("")),
                    s.path("weights").asText(""),
                    s.path("coder_reliability").asText(""),
                    withheld,
                    questions);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InstrumentException(SECTION + ": " + e.getMessage());
        }
    }

    /** Writes the section {@link #parse} reads, under {@link #SECTION}. */
    void write(ObjectNode root) {
        ObjectNode s = root.putObject(SECTION);
        s.put("title", title);
        put(s, "abstract", abstractText);
        put(s, "producer", producer);
        if (!principalInvestigators.isEmpty()) {
            ArrayNode a = s.putArray("principal_investigators");
            principalInvestigators.forEach(
                    p -> put(a.addObject().put("name", p.name()), "affiliation", p.affiliation()));
        }
        if (!funding.isEmpty()) {
            ArrayNode a = s.putArray("funding");
            funding.forEach(f -> a.addObject().put("funder", f.funder()).put("award", f.award()));
        }
        s.put("doi", doi);
        s.put("version", version);
        if (!versionHistory.isEmpty()) {
            ArrayNode a = s.putArray("version_history");
            versionHistory.forEach(v -> a.addObject()
                    .put("version", v.version())
                    .put("date", v.date())
                    .put("note", v.note()));
        }
        put(s, "terms_of_use", termsOfUse);
        put(s, "citation_requirement", citationRequirement);
        period(s, "time_period", timePeriod);
        period(s, "collection_period", collectionPeriod);
        put(s, "nation", nation);
        put(s, "geography", geography);
        put(s, "universe", universe);
        put(s, "analysis_unit", analysisUnit);
        put(s, "data_kind", dataKind);
        ObjectNode sample = s.putObject("sample_design");
        put(sample, "frames", sampleDesign.frames());
        put(sample, "draws", sampleDesign.draws());
        put(sample, "target_sizes", sampleDesign.targetSizes());
        put(s, "weights", weights);
        put(s, "coder_reliability", coderReliability);
        if (!withheld.isEmpty()) {
            ArrayNode a = s.putArray("withheld");
            withheld.forEach(w -> a.addObject().put("what", w.what()).put("why", w.why()));
        }
        if (!researchQuestions.isEmpty()) {
            ArrayNode a = s.putArray("research_questions");
            researchQuestions.forEach(q -> a.addObject().put("id", q.id()).put("question", q.question()));
        }
    }

    private static ObjectNode put(ObjectNode n, String field, String value) {
        if (!value.isEmpty()) {
            n.put(field, value);
        }
        return n;
    }

    private static void period(ObjectNode n, String field, Period p) {
        if (!p.isEmpty()) {
            n.putObject(field).put("start", p.start()).put("end", p.end());
        }
    }

    private static Period period(JsonNode p) {
        return new Period(p.path("start").asText(""), p.path("end").asText(""));
    }

    private static String required(JsonNode n, String field, String list) {
        String v = n.path(field).asText("");
        if (v.isBlank()) {
            throw new InstrumentException(SECTION + "." + list + ": every entry needs a " + field);
        }
        return v;
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
