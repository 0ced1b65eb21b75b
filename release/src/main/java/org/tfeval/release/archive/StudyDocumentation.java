package org.tfeval.release.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tfeval.instrument.Derivation;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.ReleaseLevel;
import org.tfeval.instrument.StudyDescription;
import org.tfeval.instrument.Variable;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.VariableSpec;
import org.tfeval.release.format.VariableNotes;
import org.tfeval.snapshot.Snapshot;

/**
 * The study-level documentation of one release package: what {@link StudyDdiWriter} writes as
 * {@code study.xml}, the user guide, the README's study section and the variables' universes and
 * derivations. Immutable; {@link #of} reads the study description frozen with the snapshot.
 *
 * @param study the study's own description (instrument's {@code study:} section)
 * @param instrument the instrument the data were collected with
 * @param level the release level
 * @param snapshotId the snapshot released
 * @param synthetic whether the data are synthetic
 * @param createdAt when the package was built
 * @param toolVersion the tfeval version
 * @param idNo the package's identifier
 * @param files the released datasets
 * @param disclosureControl what disclosure control did, in words (counts and rules, no value)
 * @param processing what was done to invalid values, in words (counts, no value)
 */
public record StudyDocumentation(
        StudyDescription study,
        Instrument instrument,
        ReleaseLevel level,
        String snapshotId,
        boolean synthetic,
        LocalDateTime createdAt,
        String toolVersion,
        String idNo,
        List<ReleasedFile> files,
        String disclosureControl,
        String processing) {

    /** The study-level DDI of the package. */
    public static final String DDI = "study.xml";
    /** The user guide. */
    public static final String USER_GUIDE = "user_guide.txt";
    /** The instrument the data were collected with. */
    public static final String INSTRUMENT = "instrument.yaml";

    public StudyDocumentation {
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(level, "level");
        if (level == ReleaseLevel.DROP) {
            throw new IllegalArgumentException("a package is restricted or public, not drop");
        }
        Objects.requireNonNull(snapshotId, "snapshotId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(idNo, "idNo");
        files = List.copyOf(files);
        disclosureControl = Objects.requireNonNullElse(disclosureControl, "");
        processing = Objects.requireNonNullElse(processing, "");
    }

    /** The documentation of a package of the snapshot, with no datasets yet. */
    public static StudyDocumentation of(
            Snapshot snapshot, ReleaseLevel level, LocalDateTime createdAt, String toolVersion, String idNo) {
        Instrument ins = snapshot.instrument();
        return new StudyDocumentation(
                ins.study(),
                ins,
                level,
                snapshot.id(),
                snapshot.manifest().synthetic(),
                createdAt,
                toolVersion,
                idNo,
                List.of(),
                "",
                "");
    }

    public StudyDocumentation withFiles(List<ReleasedFile> value) {
        return new StudyDocumentation(
                study,
                instrument,
                level,
                snapshotId,
                synthetic,
                createdAt,
                toolVersion,
                idNo,
                value,
                disclosureControl,
                processing);
    }

    /** What disclosure control did and what was done to invalid values, in words. */
    public StudyDocumentation withProcessing(String disclosure, String invalidValues) {
        return new StudyDocumentation(
                study,
                instrument,
                level,
                snapshotId,
                synthetic,
                createdAt,
                toolVersion,
                idNo,
                files,
                disclosure,
                invalidValues);
    }

    /** The title with the level: {@code <title>: public-use files}. */
    public String title() {
        return study.title() + (level == ReleaseLevel.PUBLIC ? ": public-use files" : ": restricted-use files");
    }

    /**
     * The citation users are asked to give: investigators, title, version, producer, year and DOI
     * (or the package identifier until a DOI is assigned).
     */
    public String citation() {
        StringBuilder b = new StringBuilder();
        if (!study.principalInvestigators().isEmpty()) {
            b.append(String.join(
                            ", ",
                            study.principalInvestigators().stream()
                                    .map(StudyDescription.Person::name)
                                    .toList()))
                    .append(". ");
        }
        b.append(title()).append('.');
        if (!study.version().isEmpty()) {
            b.append(" Version ").append(study.version()).append('.');
        }
        if (!study.producer().isEmpty()) {
            b.append(' ').append(study.producer()).append(',');
        }
        b.append(' ').append(createdAt.getYear()).append('.');
        b.append(study.doi().isEmpty() ? " Package " + idNo + "." : " https://doi.org/" + study.doi());
        return b.toString();
    }

    /**
     * What this package does not contain, and why: the study's own list (narratives, interviews)
     * and the variables and datasets the level holds back, from the instrument.
     */
    public List<StudyDescription.Withheld> withheld() {
        List<StudyDescription.Withheld> out = new ArrayList<>(study.withheld());
        List<String> released = files.stream().map(ReleasedFile::form).toList();
        for (Form f : instrument.forms()) {
            if (!released.isEmpty() && !released.contains(f.name())) {
                out.add(new StudyDescription.Withheld(
                        "The " + f.label().toLowerCase(Locale.ROOT) + " dataset (" + f.name() + ")",
                        level == ReleaseLevel.PUBLIC
                                ? "Not released for public use: see the restricted-use package."
                                : "Not part of this package."));
            }
        }
        if (level == ReleaseLevel.PUBLIC) {
            List<String> restricted = variables(ReleaseLevel.RESTRICTED);
            if (!restricted.isEmpty()) {
                out.add(new StudyDescription.Withheld(
                        "Restricted-use variables: " + String.join(", ", restricted),
                        "They could identify a person or case together with outside sources; they are released "
                                + "only under a data use agreement."));
            }
        }
        List<String> dropped = variables(ReleaseLevel.DROP);
        if (!dropped.isEmpty()) {
            out.add(new StudyDescription.Withheld(
                    "Direct identifiers and free text: " + String.join(", ", dropped),
                    "They name people, places or cases; no release contains them."));
        }
        return out;
    }

    private List<String> variables(ReleaseLevel release) {
        List<String> out = new ArrayList<>();
        for (Form f : instrument.forms()) {
            for (Variable v : f.variables()) {
                if (v.release() == release && v.inherit() == null) {
                    out.add(f.name() + "." + v.name());
                }
            }
        }
        return out;
    }

    /**
     * How a released dataset's records relate to the others: the unit, the key and the links, from
     * the instrument's forms.
     */
    public String linkage(String form) {
        Form f = instrument.form(form);
        StringBuilder b = new StringBuilder("One record per ")
                .append(f.label().replaceAll("\\s*\\(.*\\)$", "").toLowerCase(Locale.ROOT))
                .append(". Key: ")
                .append(String.join(", ", f.key()))
                .append('.');
        f.parentLink()
                .ifPresent(link -> b.append(" Links to the ")
                        .append(link.parent())
                        .append(" dataset through ")
                        .append(link.name())
                        .append('.'));
        for (Form child : instrument.forms()) {
            child.parentLink()
                    .filter(link -> link.parent().equals(form))
                    .ifPresent(link -> b.append(" The ")
                            .append(child.name())
                            .append(" dataset links to it through ")
                            .append(link.name())
                            .append('.'));
        }
        b.append(" Identifiers are pseudonyms drawn for this package: they link its files and no other release.");
        return b.toString();
    }

    /**
     * The universe and derivation of each released variable of a dataset: the universe from the
     * instrument's skip logic ({@code applies_when}); the derivation from the instrument (counts and
     * flags over child records, values repeated from a parent) and from the release's own treatments
     * ({@code releaseTreatments}: by variable, what disclosure control did, in words).
     */
    public Map<String, VariableNotes> variableNotes(
            String form, DatasetSpec spec, Map<String, List<String>> releaseTreatments) {
        Form f = instrument.form(form);
        Map<String, VariableNotes> out = new LinkedHashMap<>();
        for (VariableSpec v : spec.variables()) {
            Optional<Variable> source = f.find(v.name());
            String universe = source.filter(x -> x.appliesWhen() != null)
                    .map(x -> "Records where " + x.appliesWhen().source()
                            + "; for other records the value is -7 (not applicable).")
                    .orElse("");
            List<String> derivation = new ArrayList<>();
            source.map(Variable::derived).ifPresent(d -> derivation.add(derivation(d)));
            source.filter(x -> x.inherit() != null)
                    .ifPresent(x -> derivation.add("Repeated from the linked " + x.inherit() + " record."));
            releaseTreatments.getOrDefault(v.name(), List.of()).forEach(t -> derivation.add("In this release: " + t));
            if (!universe.isEmpty() || !derivation.isEmpty()) {
                out.put(v.name(), new VariableNotes(universe, String.join(" ", derivation)));
            }
        }
        return out;
    }

    private static String derivation(Derivation d) {
        return switch (d.kind()) {
            case COUNT -> "Number of linked " + d.form() + " records.";
            case ANY ->
                "1 when any linked " + d.form() + " record satisfies "
                        + (d.where() == null ? "the condition" : d.where().source()) + ", else 0.";
        };
    }

    /** Writes {@link #DDI}, {@link #USER_GUIDE} and {@link #INSTRUMENT} into the package folder. */
    public List<Material> write(Path packageDir, Path instrumentFile, List<Material> otherMaterials)
            throws IOException {
        List<Material> own = List.of(
                new Material(DDI, "study-level DDI Codebook 2.5: citation, coverage, design, access, file links"),
                new Material(USER_GUIDE, "user guide: how to open, link and cite the files"),
                new Material(INSTRUMENT, "the instrument (data dictionary) the data were collected with"));
        List<Material> all = new ArrayList<>(own);
        all.addAll(otherMaterials);
        StudyDdiWriter.write(this, all, packageDir.resolve(DDI));
        Files.writeString(packageDir.resolve(USER_GUIDE), UserGuide.text(this, all), StandardCharsets.UTF_8);
        Files.copy(instrumentFile, packageDir.resolve(INSTRUMENT));
        return own;
    }

    /** The README's study section: citation, abstract, terms of use and what is withheld. */
    public String readmeSection() {
        StringBuilder b = new StringBuilder();
        b.append("Citation\n--------\n").append(UserGuide.wrap(citation(), "")).append('\n');
        if (!study.abstractText().isEmpty()) {
            b.append("Abstract\n--------\n")
                    .append(UserGuide.wrap(study.abstractText(), ""))
                    .append('\n');
        }
        if (!study.termsOfUse().isEmpty()) {
            b.append("Terms of use\n------------\n")
                    .append(UserGuide.wrap(study.termsOfUse(), ""))
                    .append('\n');
        }
        b.append("Not in this package\n-------------------\n");
        for (StudyDescription.Withheld w : withheld()) {
            b.append(UserGuide.wrap("- " + w.what() + (w.why().isEmpty() ? "" : ". " + w.why()), "  "));
        }
        b.append('\n')
                .append("Study documentation: ")
                .append(DDI)
                .append(" (DDI Codebook 2.5), ")
                .append(USER_GUIDE)
                .append(", ")
                .append(INSTRUMENT)
                .append(".\n\n");
        return b.toString();
    }
}
