package org.tfeval.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.tfeval.instrument.DisclosureRole;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.instrument.Missing;
import org.tfeval.instrument.ReleaseLevel;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.VariableType;
import org.tfeval.instrument.expression.Expression;
import org.tfeval.instrument.expression.SkipLogicSpec;
import org.tfeval.instrument.expression.Truth;
import org.tfeval.store.coding.CaseForms;
import org.tfeval.store.coding.CaseTree;
import org.tfeval.store.coding.DraftRecord;
import org.tfeval.store.coding.Pass;

/**
 * The browser's skip logic ({@code skiplogic.js}) against the server's, in headless Chromium: for
 * every skip rule of the ECM instrument and for generated conditions over every variable type, with
 * random cells (blank, missing codes, codes, out-of-range and unreadable text, decimals with trailing
 * zeros, big integers, impossible dates, no-break spaces), the browser must type every cell, evaluate
 * every condition and reach the same fixpoint as {@link CaseForms#typed}, {@link Expression#test} and
 * {@link CaseTree}. All cases go to the browser in one call.
 */
class SkipLogicAgreementTest {
    private static final String SCRIPT = "/org/tfeval/web/assets/skiplogic.js";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = 20261206L;
    /** Random case files of the ECM instrument (a case, a victim, a suspect and an offense each). */
    private static final int ECM_CASE_FILES = 150;
    /** Generated forms, each with {@link #RULES_PER_FORM} generated conditions. */
    private static final int GENERATED_FORMS = 160;

    private static final int RULES_PER_FORM = 5;
    /** Random records keyed on each generated form. */
    private static final int RECORDS_PER_FORM = 6;
    /** Deepest nesting of and / or / not in a generated condition. */
    private static final int DEPTH = 3;
    /** Fewest comparisons the test must make, so that a generator change cannot empty it unnoticed. */
    private static final int AT_LEAST = 10_000;
    /** Fewest cases of each outcome (true, false, unknown; -7 set, cleared, kept while unknown). */
    private static final int OUTCOME_FLOOR = 20;

    private static final String RUN = "var input = JSON.parse(arguments[0]); var S = window.tfevalSkip; var out = [];"
            + "function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }"
            + "input.cases.forEach(function (c) {"
            + "  var spec = input.specs[c.spec];"
            + "  var read = function (n) { return S.typed(spec, n, own(c.values, n) ? c.values[n] : null); };"
            + "  var r = { typed: {}, tests: {} };"
            + "  Object.keys(spec.types).forEach(function (n) { var v = read(n);"
            + "    r.typed[n] = v === null ? null : [v.kind, v.text]; });"
            + "  Object.keys(spec.rules).forEach(function (n) { r.tests[n] = S.test(spec.rules[n], read); });"
            + "  if (c.tree) { r.applies = S.applies(spec, c.values); r.prepared = S.prepared(spec, c.values); }"
            + "  out.push(r);"
            + "});"
            + "return JSON.stringify(out);";

    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        BrowserTest.requireChromium();
        String script;
        try (InputStream in = SkipLogicAgreementTest.class.getResourceAsStream(SCRIPT)) {
            assertThat(in).as(SCRIPT).isNotNull();
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        driver = BrowserTest.headlessChromium();
        driver.get("about:blank");
        driver.executeScript(script);
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
    }

    /** One record to evaluate: the form's spec, its cells, and the server's answers. */
    private record Case(
            int spec,
            Map<String, String> values,
            Map<String, List<String>> typed,
            Map<String, String> tests,
            Map<String, Boolean> applies,
            Map<String, String> prepared) {}

    /** The cases and the specs they refer to, sent to the browser together. */
    private static final class Batch {
        final List<String> specs = new ArrayList<>();
        final List<Case> cases = new ArrayList<>();

        int spec(String json) {
            specs.add(json);
            return specs.size() - 1;
        }

        /** The server's answers for a record of a form: typing and every skip condition. */
        void add(int spec, CaseForms forms, Form form, Map<String, String> values, CaseTree tree, CaseTree.Node node) {
            Function<String, Object> view = forms.typed(form, values);
            Map<String, List<String>> typed = new LinkedHashMap<>();
            for (Variable v : form.variables()) typed.put(v.name(), describe(view.apply(v.name())));
            Map<String, String> tests = new LinkedHashMap<>();
            Map<String, Boolean> applies = null;
            Map<String, String> prepared = null;
            for (Variable v : forms.enteredVariables(form)) {
                if (v.appliesWhen() != null)
                    tests.put(v.name(), v.appliesWhen().test(view).name());
            }
            if (node != null) {
                applies = new LinkedHashMap<>();
                for (String name : tests.keySet()) {
                    applies.put(name, tree.applies(node, form.variable(name)) != Truth.FALSE);
                }
                prepared = new LinkedHashMap<>(node.prepared());
            }
            cases.add(new Case(spec, values, typed, tests, applies, prepared));
        }

        /** What the browser answered, one map per case. */
        List<Map<String, Object>> run() throws IOException {
            StringBuilder b = new StringBuilder("{\"specs\":[");
            b.append(String.join(",", specs)).append("],\"cases\":[");
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                if (i > 0) b.append(',');
                b.append("{\"spec\":")
                        .append(c.spec)
                        .append(",\"tree\":")
                        .append(c.applies != null)
                        .append(",\"values\":")
                        .append(JSON.writeValueAsString(c.values))
                        .append('}');
            }
            b.append("]}");
            String out = (String) ((JavascriptExecutor) driver).executeScript(RUN, b.toString());
            return JSON.readValue(out, new TypeReference<List<Map<String, Object>>>() {});
        }
    }

    private static List<String> describe(Object value) {
        if (value == null) return null;
        String kind;
        if (value instanceof Missing) kind = "na";
        else if (value instanceof Long || value instanceof BigDecimal) kind = "number";
        else if (value instanceof LocalDate) kind = "date";
        else if (value instanceof String) kind = "text";
        else throw new IllegalStateException("unexpected typed value of class " + value.getClass());
        return List.of(kind, value.toString());
    }

    /** Every difference between the server's answers and the browser's, by case number and variable. */
    private static List<String> differences(Batch batch, List<Map<String, Object>> browser) {
        assertThat(browser).hasSize(batch.cases.size());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < batch.cases.size(); i++) {
            Case c = batch.cases.get(i);
            Map<String, Object> r = browser.get(i);
            String where = "case " + i + " " + show(c.values) + ": ";
            compare(out, where + "typed", c.typed, r.get("typed"));
            compare(out, where + "test", c.tests, r.get("tests"));
            if (c.applies != null) {
                compare(out, where + "applies", c.applies, r.get("applies"));
                compare(out, where + "prepared", c.prepared, r.get("prepared"));
            }
        }
        return out;
    }

    private static void compare(List<String> out, String where, Map<String, ?> server, Object browser) {
        @SuppressWarnings("unchecked")
        Map<String, Object> b = browser == null ? Map.of() : (Map<String, Object>) browser;
        for (Map.Entry<String, ?> e : server.entrySet()) {
            Object got = b.get(e.getKey());
            if (!java.util.Objects.equals(e.getValue(), got))
                out.add(where + " " + e.getKey() + ": server " + e.getValue() + ", browser " + got);
        }
        if (!b.keySet().equals(server.keySet()))
            out.add(where + ": server variables " + server.keySet() + ", browser " + b.keySet());
    }

    /** How often the server's conditions came out each way, and what its fixpoint did to cells holding a rule's variable. */
    private static Map<String, Integer> outcomes(Batch batch) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        String na = "-7";
        for (Case c : batch.cases) {
            c.tests.values().forEach(t -> out.merge(t, 1, Integer::sum));
            if (c.applies == null) continue;
            for (String name : c.applies.keySet()) {
                String before = c.values.getOrDefault(name, "").strip();
                String after = c.prepared.get(name).strip();
                if (!before.equals(na) && after.equals(na)) out.merge("set -7", 1, Integer::sum);
                if (before.equals(na) && !after.equals(na)) out.merge("cleared -7", 1, Integer::sum);
                if (before.equals(na) && after.equals(na) && c.applies.get(name))
                    out.merge("kept -7 unknown", 1, Integer::sum);
            }
        }
        return out;
    }

    private static int comparisons(Batch batch) {
        int n = 0;
        for (Case c : batch.cases) {
            n += c.typed.size() + c.tests.size();
            if (c.applies != null) n += c.applies.size() + c.prepared.size();
        }
        return n;
    }

    @Test
    void the_browser_types_cells_evaluates_skip_logic_and_skips_fields_as_the_server_does() throws IOException {
        Random random = new Random(SEED);
        Batch batch = new Batch();
        int expressions = ecmCases(batch, random);
        int ecmCases = batch.cases.size();
        expressions += generatedCases(batch, random);

        List<String> differences = differences(batch, batch.run());

        int comparisons = comparisons(batch);
        Map<String, Integer> outcomes = outcomes(batch);
        System.out.println("skip logic: " + batch.cases.size() + " records (" + ecmCases + " of the ECM instrument), "
                + expressions + " conditions, " + comparisons + " values compared between Java and the browser, "
                + differences.size() + " differences; server outcomes " + outcomes);
        assertThat(differences).as("browser vs server").isEmpty();
        assertThat(comparisons).isGreaterThan(AT_LEAST);
        // the cases reach every outcome, and skip logic both sets and clears the not-applicable code
        assertThat(outcomes.keySet())
                .containsExactlyInAnyOrder("TRUE", "FALSE", "UNKNOWN", "set -7", "cleared -7", "kept -7 unknown");
        assertThat(outcomes.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(OUTCOME_FLOOR));
    }

    @Test
    void a_suspect_not_prosecuted_hides_the_disposition_and_the_sentence_below_it_in_the_browser() {
        Instrument ecm = InstrumentLoader.builtIn("ecm");
        String spec = SkipLogicSpec.json(ecm, ecm.form("suspect"));
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = (Map<String, Object>) ((JavascriptExecutor) driver)
                .executeScript(
                        "return window.tfevalSkip.applies(JSON.parse(arguments[0]), JSON.parse(arguments[1]));",
                        spec,
                        "{\"S_PROSECUTED\":\"0\",\"S_SENTENCE_TYPE\":\"1\",\"S_SENTENCE_MONTHS\":\"12\"}");

        for (String hidden : List.of(
                "S_DISPOSITION", "S_DISPOSITION_DATE", "S_SENTENCE_TYPE", "S_SENTENCE_MONTHS", "S_SENTENCE_DATE")) {
            assertThat(shown).as(hidden).containsEntry(hidden, false);
        }
        assertThat(shown).as("an arrest not keyed yet leaves its date shown").containsEntry("S_ARREST_DATE", true);
    }

    @Test
    void a_browser_that_reads_a_variable_with_the_wrong_type_is_caught() throws IOException {
        Instrument ecm = InstrumentLoader.builtIn("ecm");
        CaseForms forms = CaseForms.of(ecm);
        Form suspect = forms.form("suspect");
        Batch batch = new Batch();
        // S_SENTENCE_MONTHS read as an integer: "0.5" months would be unreadable, not 0.5
        String wrong = SkipLogicSpec.json(ecm, suspect)
                .replace("\"S_SENTENCE_MONTHS\":\"decimal\"", "\"S_SENTENCE_MONTHS\":\"integer\"");
        assertThat(wrong).isNotEqualTo(SkipLogicSpec.json(ecm, suspect));
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("S_SENTENCE_MONTHS", "0.5");
        batch.add(batch.spec(wrong), forms, suspect, cells, null, null);

        List<String> differences = differences(batch, batch.run());

        assertThat(differences).anySatisfy(d -> assertThat(d).contains("typed S_SENTENCE_MONTHS"));
    }

    @Test
    void the_browser_reads_digits_and_white_space_as_java_does() {
        // every UTF-16 unit, alone in an integer cell: Java reads a decimal digit of any script as a number,
        // and strips Character.isWhitespace, which is not JavaScript's trim
        String found = (String) ((JavascriptExecutor) driver)
                .executeScript(
                        "var S = window.tfevalSkip, spec = {types: {N: 'integer'}, missing: [-9], na: '-7', rules: {}};"
                                + "var out = [];"
                                + "for (var c = 0; c < 65536; c++) { var s = String.fromCharCode(c);"
                                + "  if (S.typed(spec, 'N', s) !== null) out.push('d' + c);"
                                + "  if (S.strip(s) === '') out.push('w' + c); }"
                                + "return out.join(' ');");
        List<String> java = new ArrayList<>();
        for (int c = 0; c < 65536; c++) {
            String s = String.valueOf((char) c);
            if (!s.isBlank() && VariableType.INTEGER.parse(s) != null) java.add("d" + c);
            if (s.strip().isEmpty()) java.add("w" + c);
        }
        assertThat(found).isEqualTo(String.join(" ", java));
    }

    @Test
    void the_form_spec_lists_the_skip_rules_of_the_variables_a_coder_enters() throws IOException {
        Instrument ecm = InstrumentLoader.builtIn("ecm");
        CaseForms forms = CaseForms.of(ecm);
        for (Form form : ecm.forms()) {
            Map<String, Object> spec =
                    JSON.readValue(SkipLogicSpec.json(ecm, form), new TypeReference<Map<String, Object>>() {});
            List<String> expected = forms.enteredVariables(form).stream()
                    .filter(v -> v.appliesWhen() != null)
                    .map(Variable::name)
                    .toList();
            @SuppressWarnings("unchecked")
            Map<String, Object> rules = (Map<String, Object>) spec.get("rules");
            assertThat(List.copyOf(rules.keySet())).as(form.name()).isEqualTo(expected);
            @SuppressWarnings("unchecked")
            Map<String, Object> types = (Map<String, Object>) spec.get("types");
            assertThat(types).hasSize(form.variables().size());
            assertThat(spec.get("missing")).isEqualTo(List.of(-9, -8, -7, -6));
            assertThat(spec.get("na")).isEqualTo("-7");
        }
    }

    // ---- the ECM instrument ----

    /** Random case files of the ECM instrument, and records of its other forms with skip logic; returns the conditions. */
    private static int ecmCases(Batch batch, Random random) {
        Instrument ecm = InstrumentLoader.builtIn("ecm");
        CaseForms forms = CaseForms.of(ecm);
        Cells cells = new Cells(random);
        Map<String, Integer> specs = new LinkedHashMap<>();
        int conditions = 0;
        for (Form f : ecm.forms()) {
            specs.put(f.name(), batch.spec(SkipLogicSpec.json(ecm, f)));
            for (Variable v : f.variables()) if (v.appliesWhen() != null) conditions++;
        }
        Set<Form> caseFile = Set.copyOf(forms.caseFileForms());
        for (int n = 0; n < ECM_CASE_FILES; n++) {
            // forms outside the case file: their conditions and typing (no tree)
            for (Form f : ecm.forms()) {
                if (caseFile.contains(f)) continue;
                if (f.variables().stream().noneMatch(v -> v.appliesWhen() != null)) continue;
                batch.add(specs.get(f.name()), forms, f, cells.record(f.variables()), null, null);
            }
            List<DraftRecord> records = caseFileRecords(forms, cells, n);
            // a second tree whose derived cells already hold what the tree derives, so that the skip logic
            // of the case record starts from the same cells as the browser's
            CaseTree first = CaseTree.of(forms, records);
            Map<String, String> derived = new LinkedHashMap<>();
            for (Variable v : forms.root().variables()) {
                if (v.isDerived()) derived.put(v.name(), first.root().prepared().get(v.name()));
            }
            records = new ArrayList<>(records);
            DraftRecord root = records.get(0);
            Map<String, String> rootCells = new LinkedHashMap<>(root.cells());
            rootCells.putAll(derived);
            records.set(
                    0,
                    new DraftRecord(
                            root.id(), root.caseId(), root.pass(), root.form(), root.key(), null, rootCells, 0));
            CaseTree tree = CaseTree.of(forms, records);
            for (CaseTree.Node node : tree.nodes()) {
                Form f = node.form();
                Map<String, String> start = new LinkedHashMap<>();
                for (Variable v : f.variables()) {
                    start.put(
                            v.name(),
                            v.inherit() != null
                                    ? node.prepared().get(v.name())
                                    : node.record().cell(v.name()));
                }
                batch.add(specs.get(f.name()), forms, f, start, tree, node);
            }
        }
        return conditions;
    }

    /** A case with one victim, one suspect and one offense of that suspect, cells at random. */
    private static List<DraftRecord> caseFileRecords(CaseForms forms, Cells cells, int n) {
        List<DraftRecord> out = new ArrayList<>();
        String tf = "TFA";
        Map<String, String> caseCells = new LinkedHashMap<>(forms.newRecordCells(forms.root(), Map.of(), tf, n + 1));
        String caseId = caseCells.get(forms.root().key().get(0));
        caseCells.putAll(cells.record(forms.enteredVariables(forms.root())));
        long id = 1;
        out.add(new DraftRecord(id, caseId, Pass.FIRST, forms.root().name(), caseId, null, caseCells, 0));
        for (Form child : forms.children(forms.root())) {
            Map<String, String> c = new LinkedHashMap<>(forms.newRecordCells(child, caseCells, tf, 1));
            c.putAll(cells.record(forms.enteredVariables(child)));
            long childId = ++id;
            out.add(new DraftRecord(childId, caseId, Pass.FIRST, child.name(), forms.recordKey(child, c), 1L, c, 0));
            for (Form grandchild : forms.children(child)) {
                Map<String, String> g = new LinkedHashMap<>(forms.newRecordCells(grandchild, c, tf, 1));
                g.putAll(cells.record(forms.enteredVariables(grandchild)));
                out.add(new DraftRecord(
                        ++id, caseId, Pass.FIRST, grandchild.name(), forms.recordKey(grandchild, g), childId, g, 0));
            }
        }
        return out;
    }

    // ---- generated forms and conditions ----

    /** Variables of a generated case form, one or two of every type. */
    private static final List<Map.Entry<String, VariableType>> GENERATED = List.of(
            Map.entry("C1", VariableType.CODE),
            Map.entry("C2", VariableType.CODE),
            Map.entry("N1", VariableType.INTEGER),
            Map.entry("N2", VariableType.INTEGER),
            Map.entry("D1", VariableType.DECIMAL),
            Map.entry("D2", VariableType.DECIMAL),
            Map.entry("T1", VariableType.DATE),
            Map.entry("T2", VariableType.DATE),
            Map.entry("S1", VariableType.STRING),
            Map.entry("X1", VariableType.TEXT),
            Map.entry("I1", VariableType.ID));

    /** Forms whose entered variables carry generated conditions; returns the conditions. */
    private static int generatedCases(Batch batch, Random random) {
        Cells cells = new Cells(random);
        Conditions conditions = new Conditions(random);
        Instrument ecm = InstrumentLoader.builtIn("ecm");
        int made = 0;
        for (int n = 0; n < GENERATED_FORMS; n++) {
            List<Map.Entry<String, VariableType>> order = new ArrayList<>(GENERATED);
            Collections.shuffle(order, random);
            List<String> ruled = new ArrayList<>();
            for (Map.Entry<String, VariableType> e : order) ruled.add(e.getKey());
            Collections.shuffle(ruled, random);
            ruled = ruled.subList(0, RULES_PER_FORM);
            List<Variable> vars = new ArrayList<>();
            vars.add(variable("CASE_ID", VariableType.ID, null, null));
            vars.add(variable("TF_ID", VariableType.ID, null, "task_force"));
            for (Map.Entry<String, VariableType> e : order) {
                Expression applies = null;
                if (ruled.contains(e.getKey())) {
                    applies = Expression.parse(conditions.condition(DEPTH));
                    made++;
                }
                vars.add(variable(e.getKey(), e.getValue(), applies, null));
            }
            Form tf = new Form(
                    "task_force",
                    "Task force",
                    List.of("TF_ID"),
                    List.of(variable("TF_ID", VariableType.ID, null, null)));
            Form kase = new Form("case", "Case", List.of("CASE_ID"), vars);
            Form victim = new Form(
                    "victim",
                    "Victim",
                    List.of("VICTIM_ID"),
                    List.of(
                            variable("VICTIM_ID", VariableType.ID, null, null),
                            variable("CASE_ID", VariableType.ID, null, "case")));
            Instrument instrument = new Instrument(
                    "generated",
                    "1",
                    "Generated skip logic",
                    ecm.minDate(),
                    ecm.maxDate(),
                    ecm.missingLabels(),
                    Map.of(),
                    List.of(tf, kase, victim),
                    List.of(),
                    Map.of());
            CaseForms forms = CaseForms.of(instrument);
            int spec = batch.spec(SkipLogicSpec.json(instrument, kase));
            for (int r = 0; r < RECORDS_PER_FORM; r++) {
                Map<String, String> c = new LinkedHashMap<>(forms.newRecordCells(kase, Map.of(), "TFA", r + 1));
                c.putAll(cells.record(forms.enteredVariables(kase)));
                String caseId = c.get("CASE_ID");
                CaseTree tree =
                        CaseTree.of(forms, List.of(new DraftRecord(1, caseId, Pass.FIRST, "case", caseId, null, c, 0)));
                Map<String, String> start = new LinkedHashMap<>();
                for (Variable v : kase.variables()) start.put(v.name(), c.getOrDefault(v.name(), ""));
                batch.add(spec, forms, kase, start, tree, tree.root());
            }
        }
        return made;
    }

    private static Variable variable(String name, VariableType type, Expression applies, String parent) {
        Map<Long, String> labels =
                type == VariableType.CODE ? Map.of(0L, "No", 1L, "Yes", 2L, "Two", 3L, "Three") : Map.of();
        Set<Integer> missing = type == VariableType.ID ? Set.of() : Set.of(-9, -8, -7);
        return new Variable(
                name,
                type,
                name,
                null,
                labels,
                null,
                null,
                null,
                null,
                0,
                missing,
                applies,
                false,
                null,
                parent,
                null,
                null,
                DisclosureRole.NONE,
                ReleaseLevel.PUBLIC);
    }

    /** Conditions in REDCap syntax over the generated variables, at random. */
    private static final class Conditions {
        private static final String[] OPERATORS = {"=", "<>", "!=", "<", "<=", ">", ">="};
        private static final String[] NUMBERS = {
            "0",
            "1",
            "2",
            "3",
            "-1",
            "-7",
            "-8",
            "10",
            "0.1",
            "0.10",
            "1.0",
            "-2.5",
            "2.50",
            "007",
            "9007199254740993",
            "9007199254740992",
            "9223372036854775808",
            "20230115",
            "2023"
        };
        private static final String[] QUOTED = {
            "'abc'",
            "'ABC'",
            "''",
            "' 5'",
            "'5'",
            "'0.1'",
            "'1e1'",
            "'+3'",
            "'2023-02-28'",
            "'2023-02-30'",
            "'2024-02-29'",
            "'2023-01-15'",
            "'2023'",
            "\"it's\"",
            "'é'",
            "'Zz'",
            "'-7'",
            "'\u0661'",
            "'1E+1'"
        };
        private static final String[] NAMES = {
            "C1", "C2", "N1", "N2", "D1", "D2", "T1", "T2", "S1", "X1", "I1", "CASE_ID", "NOT_ON_FORM"
        };

        private static final String[][] PAIRS = {
            {"T1", "T2"}, {"D1", "D2"}, {"N1", "N2"}, {"C1", "C2"}, {"D1", "N1"}, {"T1", "S1"}, {"X1", "N2"}
        };

        private final Random random;

        Conditions(Random random) {
            this.random = random;
        }

        String condition(int depth) {
            int k = depth <= 0 ? 4 + random.nextInt(6) : random.nextInt(10);
            switch (k) {
                case 0:
                case 1:
                    return "(" + condition(depth - 1) + (random.nextBoolean() ? " and " : " AND ")
                            + condition(depth - 1) + ")";
                case 2:
                case 3:
                    return "(" + condition(depth - 1) + (random.nextBoolean() ? " or " : " Or ") + condition(depth - 1)
                            + ")";
                case 4:
                    return "not " + (depth > 0 ? "(" + condition(depth - 1) + ")" : comparison());
                case 5:
                    return (random.nextBoolean() ? "known([" : "missing([") + name() + "])";
                default:
                    return comparison();
            }
        }

        private String comparison() {
            String operator = " " + OPERATORS[random.nextInt(OPERATORS.length)] + " ";
            if (random.nextInt(4) == 0) {
                // two variables of one kind: dates with dates, decimals with whole numbers
                String[] pair = PAIRS[random.nextInt(PAIRS.length)];
                return "[" + pair[0] + "]" + operator + "[" + pair[1] + "]";
            }
            String left = random.nextInt(6) == 0 ? literal() : "[" + name() + "]";
            String right = random.nextInt(3) == 0 ? "[" + name() + "]" : literal();
            return left + operator + right;
        }

        private String name() {
            return NAMES[random.nextInt(NAMES.length)];
        }

        private String literal() {
            return random.nextBoolean()
                    ? NUMBERS[random.nextInt(NUMBERS.length)]
                    : QUOTED[random.nextInt(QUOTED.length)];
        }
    }

    /** Cells as coders key them and as they go wrong, by variable type. */
    private static final class Cells {
        private static final String[] ANY = {
            "",
            "",
            "   ",
            "-9",
            "-8",
            "-7",
            "-7",
            " -7 ",
            "-07",
            "-6",
            "-",
            "-0",
            "-1",
            "-10",
            "abc",
            "\u00a0",
            "\u00a05",
            "5\u001f",
            "\u3000-8",
            "\u0661",
            "-\u0667",
            "\ufeff1"
        };
        private static final String[] NUMBERS = {
            "0",
            "1",
            "2",
            "3",
            "01",
            "+1",
            " 2 ",
            "-3",
            "99",
            "1.0",
            "0.1",
            "0.10",
            "1e1",
            "1E+1",
            ".5",
            "5.",
            "-0.0",
            "1,5",
            "9007199254740993",
            "9007199254740992",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "12345678901234567890.5",
            "1e-7",
            "0.0000001",
            "1e2147483648",
            "1e-2147483648",
            "1.5e2147483648",
            "0.00000000000000000001e-2147483627",
            "1e12345678901",
            "1e0000000002147483647",
            "1e\u0663",
            "1.e1",
            "e1",
            "1e+",
            "1e00000000005",
            "\u0662\u0663",
            "\uff15"
        };
        private static final String[] DATES = {
            "2023-01-15",
            "2023-02-28",
            "2023-02-30",
            "2024-02-29",
            "1900-02-29",
            "2000-02-29",
            "2023-1-5",
            "20230115",
            "2023/01/15",
            "0000-01-01",
            "+12345-01-01",
            "+2023-01-01",
            "-0001-01-01",
            "-0000-01-01",
            "9999-12-31",
            "2023-13-01",
            "2023-01-15 ",
            "2023",
            "2023-01-15T00:00",
            "-0002-01-01",
            "-2023-06-01",
            "+10000-01-01",
            "+999999999-12-31",
            "+1000000000-01-01"
        };
        private static final String[] TEXTS = {
            "abc",
            "ABC",
            "Zz",
            "é",
            "5",
            "0.10",
            "2023-01-15",
            "2023",
            " x ",
            "it's",
            "1e1",
            "-7x",
            "\u0661",
            "Tab\there"
        };

        private final Random random;

        Cells(Random random) {
            this.random = random;
        }

        /** Random cells of the given variables. */
        Map<String, String> record(List<Variable> variables) {
            Map<String, String> out = new LinkedHashMap<>();
            for (Variable v : variables) out.put(v.name(), cell(v));
            return out;
        }

        private String cell(Variable v) {
            int k = random.nextInt(10);
            if (k < 2) return pick(ANY);
            switch (v.type()) {
                case CODE:
                    if (k < 8 && !v.valueLabels().isEmpty()) {
                        List<Long> codes = List.copyOf(v.valueLabels().keySet());
                        return Long.toString(codes.get(random.nextInt(codes.size())));
                    }
                    return pick(NUMBERS);
                case INTEGER:
                    return k < 6 ? Integer.toString(random.nextInt(2001) - 1000) : pick(NUMBERS);
                case DECIMAL:
                    return k < 5
                            ? BigDecimal.valueOf(random.nextInt(20001) - 10000, random.nextInt(4))
                                    .toPlainString()
                            : pick(NUMBERS);
                case DATE:
                    return k < 5
                            ? LocalDate.of(2015, 1, 1)
                                    .plusDays(random.nextInt(4000))
                                    .toString()
                            : pick(DATES);
                default:
                    return k < 6 ? pick(TEXTS) : random.nextBoolean() ? pick(NUMBERS) : pick(DATES);
            }
        }

        private String pick(String[] options) {
            return options[random.nextInt(options.length)];
        }
    }

    /** Cells shown in a failure message (generated test data, never case data). */
    private static String show(Map<String, String> cells) {
        try {
            return JSON.writeValueAsString(cells);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
