package org.tfeval.release.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tfeval.instrument.DisclosureRole;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.MissingCode;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.workflow.ContentHash;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.VariableKind;
import org.tfeval.release.dataset.VariableSpec;
import org.tfeval.release.format.ExternalTools;
import org.tfeval.release.format.FileFormat;
import org.tfeval.release.format.RHaven;
import org.tfeval.release.format.Readstat;
import org.tfeval.release.format.SasTransportWriter;
import org.tfeval.snapshot.Snapshot;

/** A public-use package of a generated study, read back by the tools researchers use and re-checked independently. */
class PublicReleaseTest {
    private static final int K = ReleasedPackages.DEMO_PUBLIC.k();
    private static final int L = ReleasedPackages.DEMO_PUBLIC.l();
    private static final Set<String> RESERVED = Set.of("-9", "-8", "-7", "-6");

    private static ReleaseResult release() {
        return ReleasedPackages.publicRelease();
    }

    private static Instrument instrument() {
        return GeneratedSnapshots.demo().instrument();
    }

    /** A copy of a package file in a scratch folder: the external tools write their outputs next to their input. */
    static Path copy(Path file) throws java.io.IOException {
        Path dir = Files.createTempDirectory(GeneratedSnapshots.root(), "read-");
        return Files.copy(file, dir.resolve(file.getFileName()));
    }

    @Test
    void every_dataset_comes_in_every_format_and_the_manifest_lists_each_file_with_its_sha256() throws Exception {
        ReleaseResult r = release();
        JsonNode manifest = new ObjectMapper()
                .readTree(r.dir().resolve(ReleaseBuilder.MANIFEST).toFile());
        assertThat(manifest.path("snapshot").asText())
                .isEqualTo(GeneratedSnapshots.demo().id());
        assertThat(manifest.path("level").asText()).isEqualTo("public");
        Map<String, String> listed = new HashMap<>();
        manifest.path("files")
                .forEach(f ->
                        listed.put(f.path("file").asText(), f.path("sha256").asText()));
        for (String d : ReleasedPackages.PUBLIC_DATASETS) {
            for (FileFormat f : FileFormat.values()) {
                String file = d + "/" + f.fileName(d);
                assertThat(listed).as(file).containsKey(file);
            }
        }
        try (var walk = Files.walk(r.dir())) {
            List<Path> files = walk.filter(Files::isRegularFile).toList();
            assertThat(files).hasSize(listed.size() + 1); // the manifest lists everything but itself
            for (Path p : files) {
                String rel = r.dir().relativize(p).toString();
                if (!rel.equals(ReleaseBuilder.MANIFEST)) {
                    assertThat(listed.get(rel)).as(rel).isEqualTo(ContentHash.sha256(p));
                }
            }
        }
        assertThat(manifest.path("datasets").path("case").asLong())
                .isEqualTo(ReleasedPackages.csv(r, "case").rows().size());
    }

    @Test
    void the_readme_names_the_snapshot_and_lists_every_data_file_with_its_sha256() throws Exception {
        ReleaseResult r = release();
        String readme = Files.readString(r.dir().resolve(ReleaseBuilder.README), StandardCharsets.UTF_8);
        assertThat(readme)
                .contains("Snapshot: " + GeneratedSnapshots.demo().id())
                .contains("SYNTHETIC DATA")
                .contains("k = " + K);
        for (PackagedFile f : r.files()) {
            if (!f.path().equals(ReleaseBuilder.README)) {
                assertThat(readme).contains(f.sha256() + "  " + f.path());
            }
        }
    }

    @Test
    void readstat_reads_every_dta_sav_and_xpt_with_the_rows_names_labels_and_value_labels() throws Exception {
        ReleaseResult r = release();
        for (String d : ReleasedPackages.PUBLIC_DATASETS) {
            DatasetSpec spec = r.dataset(d);
            long rows = r.rows().get(d);
            for (String ext : List.of("dta", "sav")) {
                Path file = copy(r.dir().resolve(d).resolve(d + "." + ext));
                assertThat(Readstat.summary(file))
                        .as(file.toString())
                        .containsEntry("Rows", Long.toString(rows))
                        .containsEntry("Columns", Integer.toString(spec.size()));
                JsonNode meta = Readstat.metadata(file);
                assertThat(meta.get("variables")).hasSize(spec.size());
                for (VariableSpec v : spec.variables()) {
                    JsonNode rv = Readstat.variable(meta, v.name());
                    assertThat(rv.path("label").asText())
                            .as(ext + " label of " + v.name())
                            .isEqualTo(v.label());
                    Map<String, String> categories = Readstat.categories(rv);
                    v.valueLabels()
                            .forEach((code, text) -> assertThat(categories)
                                    .as(ext + " " + v.name())
                                    .containsEntry(Long.toString(code), text));
                    if (ext.equals("dta")) {
                        v.missingCodes()
                                .forEach((code, text) ->
                                        assertThat(categories).containsEntry("." + code.stataLetter(), text));
                    }
                }
                assertThat(Readstat.csv(file)).hasSize((int) rows + 1);
            }
            Path xpt = copy(r.dir().resolve(d).resolve(d + ".xpt"));
            assertThat(Readstat.summary(xpt)).containsEntry("Columns", Integer.toString(spec.size()));
            List<List<String>> data = Readstat.csv(xpt);
            assertThat(data).hasSize((int) rows + 1);
            assertThat(data.get(0))
                    .containsExactlyElementsOf(
                            SasTransportWriter.shortNames(spec).values());
        }
        // the instrument's labels reach the files: a variable label and a code label of the victims
        JsonNode victims = Readstat.metadata(copy(r.dir().resolve("victim/victim.sav")));
        assertThat(Readstat.variable(victims, "V_INTERVIEWED").path("label").asText())
                .isEqualTo("Interviewed during the case");
        assertThat(Readstat.categories(Readstat.variable(victims, "V_INTERVIEWED")))
                .containsEntry("1", "Yes")
                .containsEntry("0", "No");
    }

    @Test
    void haven_reads_dta_and_sav_back_to_the_csv_values_with_the_reserved_codes_as_missing() throws Exception {
        ReleaseResult r = release();
        for (String d : List.of("case", "victim", "suspect")) {
            ReleasedPackages.Csv csv = ReleasedPackages.csv(r, d);
            DatasetSpec spec = r.dataset(d);
            RHaven.Table dta = RHaven.read("dta", copy(r.dir().resolve(d).resolve(d + ".dta")));
            RHaven.Table sav = RHaven.read("sav", copy(r.dir().resolve(d).resolve(d + ".sav")));
            RHaven.Table savUser =
                    RHaven.read("sav_user", copy(r.dir().resolve(d).resolve(d + ".sav")));
            assertThat(dta.names()).containsExactlyElementsOf(csv.header());
            assertThat(dta.rows()).hasSameSizeAs(csv.rows());
            assertThat(sav.rows()).hasSameSizeAs(csv.rows());
            int coded = 0;
            for (int i = 0; i < csv.rows().size(); i++) {
                for (VariableSpec v : spec.variables()) {
                    String expected = csv.rows().get(i).get(csv.column(v.name()));
                    String at = d + " row " + (i + 1) + " " + v.name();
                    if (v.kind() != VariableKind.STRING && RESERVED.contains(expected)) {
                        MissingCode code =
                                MissingCode.ofCode(Long.parseLong(expected)).orElseThrow();
                        assertThat(dta.rows().get(i).get(dta.column(v.name())))
                                .as(at)
                                .isEqualTo("." + code.stataLetter());
                        assertThat(sav.rows().get(i).get(sav.column(v.name())))
                                .as(at + " (user-missing is NA)")
                                .isEmpty();
                        if (v.kind() != VariableKind.DATE) {
                            assertThat(Double.parseDouble(savUser.rows().get(i).get(savUser.column(v.name()))))
                                    .as(at)
                                    .isEqualTo(Double.parseDouble(expected));
                        }
                        coded++;
                    } else {
                        assertSame(expected, dta.rows().get(i).get(dta.column(v.name())), at + " (dta)");
                        assertSame(expected, sav.rows().get(i).get(sav.column(v.name())), at + " (sav)");
                    }
                }
            }
            assertThat(coded).as("reserved codes in " + d).isPositive();
        }
    }

    private static void assertSame(String csv, String haven, String at) {
        if (csv.equals(haven)) {
            return;
        }
        assertThat(csv).as(at).isNotEmpty();
        assertThat(Double.parseDouble(haven)).as(at).isEqualTo(Double.parseDouble(csv));
    }

    @Test
    void joining_the_released_csv_files_on_the_pseudonyms_finds_no_class_below_k() {
        ReleaseResult r = release();
        List<JoinedCsvs.Row> rows = JoinedCsvs.rows(r, instrument());
        Map<List<String>, Set<String>> classes = JoinedCsvs.classes(rows);
        assertThat(rows).hasSizeGreaterThan(r.rows().get("case").intValue());
        assertThat(classes.values()).allSatisfy(cases -> assertThat(cases).hasSizeGreaterThanOrEqualTo(K));
        // the independent check looks at the quasi-identifiers the report names, and no others
        assertThat(rows.get(0).cells().keySet())
                .containsExactlyInAnyOrderElementsOf(r.report().quasiIdentifiers());
        // the offense file holds no quasi-identifier that the join would have to include
        assertThat(JoinedCsvs.quasiColumns(instrument(), "offense", ReleasedPackages.csv(r, "offense")))
                .isEmpty();
        // before suppression the same check finds unique cases: the test can fail
        assertThat(r.report().stage("recoded").orElseThrow().sampleUniques()).isPositive();
    }

    @Test
    void every_class_holds_at_least_l_distinct_values_of_each_sensitive_variable() {
        ReleaseResult r = release();
        Instrument ins = instrument();
        List<JoinedCsvs.Row> rows = JoinedCsvs.rows(r, ins);
        int classes = 0;
        for (String form : List.of("victim", "suspect")) {
            ReleasedPackages.Csv csv = ReleasedPackages.csv(r, form);
            String id = form.equals("victim") ? "VICTIM_ID" : "SUSPECT_ID";
            for (Variable v : ins.form(form).variables()) {
                if (v.disclosure() != DisclosureRole.SENSITIVE || !csv.header().contains(v.name())) {
                    continue;
                }
                Map<String, String> value = new HashMap<>();
                for (List<String> row : csv.rows()) {
                    value.put(row.get(csv.column(id)), row.get(csv.column(v.name())));
                }
                Map<List<String>, Set<String>> valid = new HashMap<>();
                for (JoinedCsvs.Row row : rows) {
                    String person = form.equals("victim") ? row.victimId() : row.suspectId();
                    Set<String> values = valid.computeIfAbsent(row.key(), k -> new HashSet<>());
                    String x = person == null ? "" : value.get(person);
                    if (!x.isEmpty() && !RESERVED.contains(x)) {
                        values.add(x);
                    }
                }
                for (Set<String> values : valid.values()) {
                    assertThat(values.size())
                            .as(v.name() + " in a class")
                            .satisfiesAnyOf(
                                    n -> assertThat(n).isZero(),
                                    n -> assertThat(n).isGreaterThanOrEqualTo(L));
                    classes++;
                }
            }
        }
        assertThat(classes).isPositive();
        assertThat(r.report().treatments()).anyMatch(t -> t.rule().equals("LDiversity") && t.values() > 0);
    }

    @Test
    void identifiers_link_the_datasets_of_one_release() {
        ReleaseResult r = release();
        Set<String> cases = new HashSet<>(ReleasedPackages.csv(r, "case").values("CASE_ID"));
        Set<String> suspects = new HashSet<>(ReleasedPackages.csv(r, "suspect").values("SUSPECT_ID"));
        assertThat(cases).allMatch(c -> c.matches("[0-9A-F]{16}"));
        assertThat(ReleasedPackages.csv(r, "victim").values("CASE_ID"))
                .isNotEmpty()
                .allMatch(cases::contains);
        assertThat(ReleasedPackages.csv(r, "suspect").values("CASE_ID"))
                .isNotEmpty()
                .allMatch(cases::contains);
        // the task force is never a pseudonym in a public file: its attributes would undo it
        for (String d : ReleasedPackages.PUBLIC_DATASETS) {
            assertThat(ReleasedPackages.csv(r, d).header()).as(d).doesNotContain("TF_ID");
        }
        assertThat(r.dir().resolve("task_force")).doesNotExist();
        assertThat(ReleasedPackages.csv(r, "offense").values("SUSPECT_ID"))
                .isNotEmpty()
                .allMatch(suspects::contains);
    }

    @Test
    void identifiers_differ_between_two_releases_of_the_same_snapshot() {
        ReleaseResult a = release();
        ReleaseResult b = ReleasedPackages.secondPublicRelease();
        for (String[] id : new String[][] {{"case", "CASE_ID"}, {"victim", "VICTIM_ID"}, {"suspect", "SUSPECT_ID"}}) {
            Set<String> first = new HashSet<>(ReleasedPackages.csv(a, id[0]).values(id[1]));
            Set<String> second = new HashSet<>(ReleasedPackages.csv(b, id[0]).values(id[1]));
            assertThat(first).as(id[1]).isNotEmpty().doesNotContainAnyElementsOf(second);
        }
        // same snapshot, same rules: the released rows are the same apart from the identifiers
        assertThat(b.rows()).isEqualTo(a.rows());
    }

    @Test
    void no_direct_identifier_narrative_or_original_identifier_appears_in_any_released_file() throws Exception {
        ReleaseResult r = release();
        Snapshot sn = GeneratedSnapshots.demo();
        List<String> forbidden =
                new ArrayList<>(List.of(GeneratedSnapshots.SENTINEL, "SYNTHETIC narrative", "Synthetic Task Force"));
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = duck.createStatement()) {
            for (String[] id : new String[][] {
                {"task_force", "TF_ID"}, {"case", "CASE_ID"}, {"victim", "VICTIM_ID"}, {"suspect", "SUSPECT_ID"}
            }) {
                try (ResultSet rs =
                        st.executeQuery("SELECT \"" + id[1] + "\" FROM read_parquet('" + sn.dataset(id[0]) + "')")) {
                    while (rs.next()) {
                        forbidden.add(rs.getString(1));
                    }
                }
            }
        }
        assertThat(forbidden).hasSizeGreaterThan(700);
        Pattern anyForbidden = Pattern.compile(
                String.join("|", forbidden.stream().map(Pattern::quote).toList()));
        int files = 0;
        try (var walk = Files.walk(r.dir())) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String text = readable(p);
                Matcher m = anyForbidden.matcher(text);
                assertThat(m.find())
                        .as(r.dir().relativize(p) + " holds a direct identifier, narrative or original identifier")
                        .isFalse();
                files++;
            }
        }
        assertThat(files)
                .isEqualTo((org.tfeval.instrument.InstrumentLoader.builtIn("ecm")
                                                .forms()
                                                .size()
                                        - 1)
                                * (FileFormat.values().length + 1) // each format and the .xpt short names
                        + 8); // all datasets but the task force's; README, manifest, disclosure report (2), processing
        // log, study DDI, user guide, instrument
    }

    /** A file as text a person could read in it: binary data files through readstat, DuckDB or PDFBox. */
    private static String readable(Path p) throws Exception {
        String name = p.getFileName().toString();
        if (name.endsWith(".dta") || name.endsWith(".sav") || name.endsWith(".xpt")) {
            StringBuilder b = new StringBuilder();
            Readstat.csv(copy(p)).forEach(row -> b.append(String.join(",", row)).append('\n'));
            return b.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1))
                    .toString();
        }
        if (name.endsWith(".parquet")) {
            StringBuilder b = new StringBuilder();
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                    Statement st = duck.createStatement();
                    ResultSet rs = st.executeQuery("SELECT * FROM read_parquet('" + p + "')")) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        b.append(rs.getString(i)).append(',');
                    }
                    b.append('\n');
                }
            }
            return b.toString();
        }
        if (name.endsWith(".pdf")) {
            try (var doc = org.apache.pdfbox.Loader.loadPDF(p.toFile())) {
                return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            }
        }
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    void exact_dates_are_released_only_as_years_and_as_intervals_computed_from_the_exact_dates() throws Exception {
        ReleaseResult r = release();
        for (String d : ReleasedPackages.PUBLIC_DATASETS) {
            assertThat(r.dataset(d).variables()).as(d).noneMatch(v -> v.kind() == VariableKind.DATE);
        }
        ReleasedPackages.Csv cases = ReleasedPackages.csv(r, "case");
        assertThat(cases.header())
                .contains("INCIDENT_YEAR", "CASE_OPEN_YEAR", "CASE_DAYS_OPEN_TO_CLOSE")
                .doesNotContain("INCIDENT_DATE");
        assertThat(ReleasedPackages.csv(r, "suspect").header())
                .contains(
                        "S_ARREST_YEAR",
                        "S_DAYS_ARREST_TO_INDICTMENT",
                        "S_DAYS_INDICTMENT_TO_DISPOSITION",
                        "S_DAYS_DISPOSITION_TO_SENTENCE");
        // every released interval is one of the snapshot's exact differences (a removed case only removes some)
        Map<String, Integer> exact = new HashMap<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = duck.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT CASE WHEN CASE_OPEN_DATE IS NOT NULL AND CASE_CLOSE_DATE IS NOT NULL "
                                + "THEN CAST(CASE_CLOSE_DATE - CASE_OPEN_DATE AS VARCHAR) ELSE CAST(coalesce(CASE_OPEN_DATE__MC, CASE_CLOSE_DATE__MC) AS VARCHAR) END "
                                + "FROM read_parquet('"
                                + GeneratedSnapshots.demo().dataset("case") + "')")) {
            while (rs.next()) {
                exact.merge(rs.getString(1), 1, Integer::sum);
            }
        }
        // an interval is banded or suppressed when the attacker model makes it a quasi-identifier; the exact
        // values released are the snapshot's
        for (String days : cases.values("CASE_DAYS_OPEN_TO_CLOSE")) {
            if (days.equals("-6") || r.report().chosenGeneralisation().isPresent()) {
                continue;
            }
            assertThat(exact.merge(days, -1, Integer::sum))
                    .as("interval " + days)
                    .isNotNegative();
        }
    }

    @Test
    void generalized_quasi_identifiers_hold_only_codes_of_their_chosen_level() throws Exception {
        ReleaseResult r = release();
        var g = r.report().chosenGeneralisation().orElseThrow();
        assertThat(g.chosen().variables()).containsKeys("victim.V_AGE", "suspect.S_SENTENCE_MONTHS", "case.TF_REGION");
        for (String q : List.of("victim.V_AGE", "victim.V_RACE", "case.TF_REGION", "suspect.S_TOP_CHARGE")) {
            String form = q.substring(0, q.indexOf('.'));
            String name = q.substring(q.indexOf('.') + 1);
            VariableSpec spec = r.dataset(form).variable(name).orElseThrow();
            for (String value : ReleasedPackages.csv(r, form).values(name)) {
                if (!value.isEmpty() && !RESERVED.contains(value)) {
                    assertThat(spec.valueLabels()).as(q + " " + value).containsKey(Long.parseLong(value));
                }
            }
        }
        assertThat(r.report().scenario()).contains("joined");
    }

    @Test
    void ddi_codebooks_validate_against_the_ddi_codebook_2_5_schema() throws Exception {
        ReleaseResult r = release();
        Path schema = Path.of(
                System.getProperty("tfeval.shared", "/work/shared"), "reference", "ddi-codebook-2.5", "codebook.xsd");
        ExternalTools.require("xmllint", "libxml2-utils");
        for (String d : ReleasedPackages.PUBLIC_DATASETS) {
            Path xml = copy(r.dir().resolve(d).resolve(d + ".xml"));
            ExternalTools.run(xml.getParent(), "xmllint", "--noout", "--schema", schema.toString(), xml.toString());
            assertThat(Files.readString(xml, StandardCharsets.UTF_8))
                    .contains("<var ID=")
                    .contains("catgry missing=\"Y\"");
        }
    }

    @Test
    void public_codebooks_show_no_count_between_1_and_k_minus_1() throws Exception {
        ReleaseResult r = release();
        Pattern cell = Pattern.compile("<td class=\"n\">([^<]*)</td>");
        Pattern catStat = Pattern.compile("<catStat type=\"freq\">(\\d+)</catStat>");
        int hidden = 0;
        for (String d : ReleasedPackages.PUBLIC_DATASETS) {
            String html = Files.readString(r.dir().resolve(d).resolve(d + ".html"), StandardCharsets.UTF_8);
            String codes = html.replaceAll("(?s)<table class=\"summary\">.*?</table>", "");
            Matcher m =
                    Pattern.compile("(?s)<table class=\"codes\">(.*?)</table>").matcher(codes);
            while (m.find()) {
                Matcher c = Pattern.compile(
                                "<tr[^>]*><td class=\"n\">-?\\d+</td><td>[^<]*</td><td class=\"n\">([^<]*)</td>")
                        .matcher(m.group(1));
                while (c.find()) {
                    String count = c.group(1);
                    if (count.matches("\\d+")) {
                        assertThat(Long.parseLong(count))
                                .as(d + " count")
                                .satisfiesAnyOf(
                                        n -> assertThat(n).isZero(),
                                        n -> assertThat(n).isGreaterThanOrEqualTo(K));
                    } else {
                        hidden++;
                    }
                }
            }
            Matcher x =
                    catStat.matcher(Files.readString(r.dir().resolve(d).resolve(d + ".xml"), StandardCharsets.UTF_8));
            while (x.find()) {
                long n = Long.parseLong(x.group(1));
                assertThat(n == 0 || n >= K).as(d + " DDI frequency " + n).isTrue();
            }
            assertThat(cell.matcher(html).find()).isTrue();
        }
        assertThat(hidden).as("small counts are hidden, not absent").isPositive();
    }

    @Test
    void the_disclosure_report_gives_the_risk_before_and_after_and_every_treatment_with_its_rule() throws Exception {
        ReleaseResult r = release();
        JsonNode json = new ObjectMapper()
                .readTree(r.dir().resolve(ReleaseBuilder.DISCLOSURE_JSON).toFile());
        Map<String, JsonNode> stages = new HashMap<>();
        json.path("risk").forEach(s -> stages.put(s.path("stage").asText(), s));
        assertThat(stages).containsKeys("original", "recoded", "released", "attacker docket", "attacker register");
        assertThat(stages.get("attacker docket").path("smallestClass").asLong()).isGreaterThanOrEqualTo(K);
        assertThat(stages.get("original").path("casesAtRisk").asLong()).isPositive();
        assertThat(stages.get("original").path("sampleUniques").asLong()).isPositive();
        assertThat(stages.get("released").path("casesAtRisk").asLong()).isZero();
        assertThat(stages.get("released").path("smallestClass").asLong()).isGreaterThanOrEqualTo(K);
        Set<String> rules = new HashSet<>();
        json.path("treatments").forEach(t -> rules.add(t.path("rule").asText()));
        assertThat(rules)
                .contains(
                        "DropDirectIdentifiers",
                        "PseudonymiseIds",
                        "DateIntervals",
                        "CoarsenDates",
                        "DropBelowLevel",
                        "ReleaseGroupProfile",
                        "LatticeSearch",
                        "LocalSuppression",
                        "LDiversity");
        assertThat(json.path("information_loss").path("suppressedQuasiValues").asLong())
                .isPositive();
        assertThat(json.path("information_loss").path("suppressedQuasiShare").asDouble())
                .isBetween(0.0, 1.0);
        String html = Files.readString(r.dir().resolve(ReleaseBuilder.DISCLOSURE_HTML), StandardCharsets.UTF_8);
        assertThat(html)
                .contains("Attacker: docket")
                .contains("Attacker: staff")
                .contains("Generalization (lattice search)")
                .contains("Runner-up")
                .contains("non-uniform entropy")
                .contains("Disclosure scenario")
                .contains("Risk before and after")
                .contains("Information loss")
                .contains("TF_NAME")
                .contains("NARRATIVE")
                .contains("LocalSuppression");
        // every value suppressed is a -6 in the files, and the report counts them
        long sixes = 0;
        for (String d : ReleasedPackages.PUBLIC_DATASETS) {
            ReleasedPackages.Csv csv = ReleasedPackages.csv(r, d);
            Set<String> columns = new java.util.LinkedHashSet<>(JoinedCsvs.quasiColumns(instrument(), d, csv));
            for (Variable v : instrument().form(d).variables()) {
                if (v.inherit() == null
                        && v.disclosure() == DisclosureRole.QUASI
                        && csv.header().contains(v.name())) {
                    columns.add(v.name());
                }
            }
            for (String c : columns) {
                sixes += csv.values(c).stream().filter("-6"::equals).count();
            }
        }
        assertThat(sixes).isEqualTo(r.report().loss().suppressedQuasiValues());
    }

    @Test
    void the_processing_log_lists_every_check_run_on_the_snapshot_and_its_result() throws Exception {
        String log = Files.readString(release().dir().resolve(ReleaseBuilder.PROCESSING_LOG), StandardCharsets.UTF_8);
        assertThat(log)
                .contains(GeneratedSnapshots.demo().id())
                .contains("Undocumented codes")
                .contains("Out-of-range values")
                .contains("Consistency rules")
                .contains("Skip logic")
                .contains("Links to parent records")
                .contains("Result: passed.");
        assertThat(log).doesNotContain(GeneratedSnapshots.SENTINEL);
    }
}
