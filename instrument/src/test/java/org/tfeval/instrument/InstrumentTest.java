package org.tfeval.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tfeval.instrument.expression.Expression;
import org.tfeval.instrument.expression.Truth;
import org.tfeval.instrument.redcap.RedcapDictionary;
import org.tfeval.instrument.validation.Location;
import org.tfeval.instrument.validation.RecordValidator;
import org.tfeval.instrument.validation.Violation;

class InstrumentTest {
    private final Instrument ecm = InstrumentLoader.builtIn("ecm");

    @Test
    void built_in_instrument_has_the_case_file_and_interview_forms_and_the_study_variables() {
        assertThat(ecm.formNames())
                .containsExactly(
                        "task_force", "case", "victim", "suspect", "offense", "participant", "interview", "consent");
        // DS2 in the public release has 19 variables
        assertThat(ecm.form("victim").variables()).hasSize(19);
        assertThat(ecm.form("case").variable("NARRATIVE").disclosure()).isEqualTo(DisclosureRole.DIRECT);
        assertThat(ecm.form("case").variable("SEX_SUBTYPE").missingCodes())
                .contains(-7, -8, -9)
                .doesNotContain(-6);
        for (Form f : ecm.forms()) {
            for (Variable v : f.variables()) {
                assertThat(v.name().length()).as(v.name()).isLessThanOrEqualTo(Variable.MAX_NAME_LENGTH);
            }
        }
    }

    @Test
    void yaml_round_trip_keeps_every_variable_and_rule() {
        Instrument again = InstrumentLoader.parse(InstrumentWriter.toYaml(ecm), "written");
        assertThat(again.forms()).hasSameSizeAs(ecm.forms());
        for (Form f : ecm.forms()) {
            Form g = again.form(f.name());
            assertThat(g.key()).isEqualTo(f.key());
            for (Variable v : f.variables()) {
                assertSameVariable(g.variable(v.name()), v);
            }
        }
        assertThat(again.rules()).hasSameSizeAs(ecm.rules());
        assertThat(again.rules().get(4).id()).isEqualTo(ecm.rules().get(4).id());
    }

    @Test
    void redcap_dictionary_round_trip_keeps_variables() {
        StringWriter out = new StringWriter();
        RedcapDictionary.write(ecm, out);
        String csv = out.toString();
        assertThat(csv.lines().findFirst().orElseThrow())
                .startsWith("Variable / Field Name,Form Name,Section Header,Field Type");
        assertThat(csv).contains("case__ht_type").contains("[case__ht_type] = 1 or [case__ht_type] = 3");
        Instrument back = RedcapDictionary.read(new StringReader(csv), "dict.csv", ecm);
        for (Form f : ecm.forms()) {
            for (Variable v : f.variables()) {
                assertSameVariable(back.form(f.name()).variable(v.name()), v);
            }
            assertThat(back.form(f.name()).key()).isEqualTo(f.key());
            assertThat(back.form(f.name()).sections())
                    .as("sections of " + f.name())
                    .isEqualTo(f.sections());
        }
        assertThat(ecm.form("case").sections())
                .as("the built-in instrument has sections")
                .isNotEmpty();
        assertThat(csv).contains("Evidence in the file");
    }

    @Test
    void redcap_section_headers_become_the_forms_sections() {
        String csv = RedcapDictionary.REDCAP_COLUMNS.stream()
                        .map(c -> "\"" + c + "\"")
                        .collect(java.util.stream.Collectors.joining(","))
                + "\n"
                + redcapRow("record_id", "intake", "text", "Record ID", "", "", "", "", "", "")
                + sectioned("consent", "<b>Consent</b> &amp; contact", "yesno", "Consent given")
                + sectioned("phone", "", "yesno", "Phone on file")
                + sectioned("age", "2. About the person", "text", "Age")
                + sectioned("sex", "Consent &amp; contact", "yesno", "Female");
        Form intake =
                RedcapDictionary.read(new StringReader(csv), "redcap.csv", ecm).form("intake");
        assertThat(intake.sections())
                .containsExactly(
                        new Form.Section("consent_contact", "Consent & contact", "CONSENT"),
                        new Form.Section("section_2_about_the_person", "2. About the person", "AGE"),
                        new Form.Section("consent_contact_2", "Consent & contact", "SEX"));
        assertThat(intake.parts()).hasSize(4);
        assertThat(intake.parts().get(1).variables()).extracting(Variable::name).containsExactly("CONSENT", "PHONE");
    }

    private static String sectioned(String field, String header, String type, String label) {
        List<String> cells = new java.util.ArrayList<>(java.util.Collections.nCopies(18, ""));
        cells.set(0, field);
        cells.set(1, "intake");
        cells.set(2, header);
        cells.set(3, type);
        cells.set(4, label);
        return cells.stream().map(c -> "\"" + c + "\"").collect(java.util.stream.Collectors.joining(",")) + "\n";
    }

    @Test
    void plain_redcap_dictionary_without_extra_columns_imports_with_conservative_defaults() {
        String csv = RedcapDictionary.REDCAP_COLUMNS.stream()
                        .map(c -> "\"" + c + "\"")
                        .collect(java.util.stream.Collectors.joining(","))
                + "\n"
                + redcapRow("record_id", "intake", "text", "Record ID", "", "", "", "", "", "")
                + redcapRow("name", "intake", "text", "Name", "", "", "", "y", "", "")
                + redcapRow("consent", "intake", "yesno", "Consent given", "", "", "", "", "", "y")
                + redcapRow("age", "intake", "text", "Age", "integer", "0", "120", "", "[consent] = '1'", "");
        Instrument ins = RedcapDictionary.read(new StringReader(csv), "redcap.csv", ecm);
        Form intake = ins.form("intake");
        assertThat(intake.key()).containsExactly("RECORD_ID");
        assertThat(intake.variable("NAME").release()).isEqualTo(ReleaseLevel.DROP);
        assertThat(intake.variable("AGE").type()).isEqualTo(VariableType.INTEGER);
        assertThat(intake.variable("AGE").appliesWhen().test(Map.of("CONSENT", 0L)::get))
                .isEqualTo(Truth.FALSE);
        assertThat(intake.variable("CONSENT").release()).isEqualTo(ReleaseLevel.RESTRICTED);
    }

    @Test
    void expressions_use_three_valued_logic_and_render_sql() {
        Expression e = Expression.parse("[HT_TYPE] = 1 or [HT_TYPE] = '3'");
        assertThat(e.test(Map.of("HT_TYPE", 3L)::get)).isEqualTo(Truth.TRUE);
        assertThat(e.test(Map.of("HT_TYPE", 2L)::get)).isEqualTo(Truth.FALSE);
        assertThat(e.test(name -> null)).isEqualTo(Truth.UNKNOWN);
        assertThat(e.toSql(v -> new Expression.SqlColumn("c." + v.toLowerCase(), "c.na")))
                .isEqualTo(
                        "((CASE WHEN c.na THEN FALSE ELSE (c.ht_type = 1) END) OR (CASE WHEN c.na THEN FALSE ELSE (c.ht_type = 3) END))");
        // not applicable is a definite absence: it equals no code; unknown stays unknown
        assertThat(e.test(Map.of("HT_TYPE", new Missing(-7))::get)).isEqualTo(Truth.FALSE);
        assertThat(e.test(Map.of("HT_TYPE", new Missing(-9))::get)).isEqualTo(Truth.UNKNOWN);
        assertThat(Expression.parse("[X] <> 1").test(Map.of("X", new Missing(-7))::get))
                .isEqualTo(Truth.TRUE);
        assertThat(Expression.parse("not known([X]) and [Y] <> 2").variables()).containsExactly("X", "Y");
        assertThatThrownBy(() -> Expression.parse("[X] = ")).hasMessageContaining("expected a value");
        assertThatThrownBy(() -> Expression.parse("[X] 3")).hasMessageContaining("comparison operator");
    }

    @Test
    void bad_instrument_files_name_the_place_and_the_rule() {
        String yaml = InstrumentLoader.builtInSource("ecm")
                .replace("applies_when: \"[HT_TYPE] = 1 or [HT_TYPE] = 3\"", "applies_when: \"[HT_KIND] = 1\"");
        assertThatThrownBy(() -> InstrumentLoader.parse(yaml, "my.yaml"))
                .isInstanceOf(InstrumentException.class)
                .hasMessageContaining("my.yaml")
                .hasMessageContaining("[HT_KIND]");
        String badType = InstrumentLoader.builtInSource("ecm")
                .replace("{name: V_AGE, type: integer", "{name: V_AGE, type: count");
        assertThatThrownBy(() -> InstrumentLoader.parse(badType, "my.yaml"))
                .hasMessageContaining("V_AGE")
                .hasMessageContaining("type");
    }

    @Test
    void record_validator_reports_every_problem_with_location_and_code() {
        RecordValidator rv = new RecordValidator(ecm, ecm.form("suspect"));
        Map<String, String> cells = new HashMap<>(validSuspect());
        cells.put("S_AGE", "130"); // out of range
        cells.put("S_RACE", "9"); // undocumented
        cells.put("S_ARREST_DATE", "2019-02-30"); // bad date
        cells.put("S_PROSECUTED", "0"); // so S_TOP_CHARGE etc. must be -7
        cells.put("S_TOP_CHARGE", "5");
        List<Violation> out = new ArrayList<>();
        rv.parse(cells, new Location("suspects.csv", 12), out::add);
        assertThat(out)
                .extracting(Violation::code)
                .contains("out_of_range", "undocumented_code", "bad_date", "skip_not_applicable");
        Violation age = out.stream()
                .filter(v -> v.code().equals("out_of_range"))
                .findFirst()
                .orElseThrow();
        assertThat(age.describe())
                .contains("suspects.csv row 12")
                .contains("S_AGE")
                .contains("130")
                .contains("12 to 99");
    }

    @Test
    void valid_record_passes_and_rules_fire_when_broken() {
        RecordValidator rv = new RecordValidator(ecm, ecm.form("suspect"));
        List<Violation> out = new ArrayList<>();
        rv.parse(validSuspect(), new Location("s.csv", 1), out::add);
        assertThat(out).isEmpty();
        Map<String, String> bad = new HashMap<>(validSuspect());
        bad.put("S_HT_CHARGED", "0");
        bad.put("S_DISPOSITION_DATE", "2018-03-15"); // before the indictment date
        rv.parse(bad, new Location("s.csv", 2), out::add);
        assertThat(out)
                .extracting(Violation::code)
                .containsExactlyInAnyOrder("rule:ht_conviction_requires_ht_charge", "rule:suspect_dates_in_order");
    }

    @Test
    void missing_codes_are_checked_per_variable_and_never_echo_direct_identifiers() {
        RecordValidator rv = new RecordValidator(ecm, ecm.form("task_force"));
        Map<String, String> cells = new HashMap<>();
        cells.put("TF_ID", "TFA");
        cells.put("TF_NAME", "SENTINEL-NAME-12345678901234567890");
        cells.put("TF_STATE", "texas");
        cells.put("TF_SCOPE", "-6"); // release only
        List<Violation> out = new ArrayList<>();
        rv.parse(cells, new Location("tf.csv", 1), out::add);
        assertThat(out).extracting(Violation::code).contains("missing_code_not_allowed", "bad_format", "blank");
        assertThat(out)
                .allSatisfy(
                        v -> assertThat(v.describe()).doesNotContain("SENTINEL").doesNotContain("texas"));
    }

    /** One REDCap dictionary line: the 18 columns, most of them blank. */
    private static String redcapRow(
            String field,
            String form,
            String type,
            String label,
            String validation,
            String min,
            String max,
            String identifier,
            String logic,
            String required) {
        List<String> cells = new ArrayList<>(java.util.Collections.nCopies(18, ""));
        cells.set(0, field);
        cells.set(1, form);
        cells.set(3, type);
        cells.set(4, label);
        cells.set(7, validation);
        cells.set(8, min);
        cells.set(9, max);
        cells.set(10, identifier);
        cells.set(11, logic.isEmpty() ? "" : "\"" + logic + "\"");
        cells.set(12, required);
        return String.join(",", cells) + "\n";
    }

    static Map<String, String> validSuspect() {
        Map<String, String> m = new HashMap<>();
        m.put("SUSPECT_ID", "TFA-C1-S1");
        m.put("CASE_ID", "TFA-C1");
        m.put("TF_ID", "TFA");
        m.put("HT_TYPE", "1");
        m.put("S_AGE", "34");
        m.put("S_SEX", "2");
        m.put("S_RACE", "2");
        m.put("S_HISPANIC", "0");
        m.put("S_CITIZEN", "1");
        m.put("S_CRIM_RECORD", "-9");
        m.put("S_ROLE", "1");
        m.put("S_ARRESTED", "1");
        m.put("S_ARREST_DATE", "2018-03-01");
        m.put("S_ARREST_CHARGE_LEVEL", "1");
        m.put("S_PROSECUTED", "1");
        m.put("S_INDICTMENT_DATE", "2018-04-01");
        m.put("S_VENUE", "1");
        m.put("S_HT_CHARGED", "1");
        m.put("S_TOP_CHARGE", "1");
        m.put("S_DISPOSITION", "2");
        m.put("S_DISPOSITION_DATE", "2019-05-01");
        m.put("S_HT_CONVICTED", "1");
        m.put("S_SENTENCE_TYPE", "1");
        m.put("S_SENTENCE_MONTHS", "60");
        m.put("S_SENTENCE_DATE", "2019-06-01");
        return m;
    }

    private static void assertSameVariable(Variable actual, Variable expected) {
        assertThat(actual.type()).as(expected.name()).isEqualTo(expected.type());
        assertThat(actual.label()).as(expected.name()).isEqualTo(expected.label());
        assertThat(actual.valueLabels()).as(expected.name()).isEqualTo(expected.valueLabels());
        assertThat(actual.missingCodes()).as(expected.name()).isEqualTo(expected.missingCodes());
        assertThat(actual.disclosure()).as(expected.name()).isEqualTo(expected.disclosure());
        assertThat(actual.release()).as(expected.name()).isEqualTo(expected.release());
        assertThat(actual.required()).as(expected.name()).isEqualTo(expected.required());
        assertThat(actual.min()).as(expected.name()).isEqualTo(expected.min());
        assertThat(actual.max()).as(expected.name()).isEqualTo(expected.max());
        assertThat(String.valueOf(
                        actual.appliesWhen() == null
                                ? null
                                : actual.appliesWhen().source()))
                .isEqualTo(String.valueOf(
                        expected.appliesWhen() == null
                                ? null
                                : expected.appliesWhen().source()));
        assertThat(actual.derived() == null).isEqualTo(expected.derived() == null);
        assertThat(actual.parent()).isEqualTo(expected.parent());
        assertThat(actual.inherit()).isEqualTo(expected.inherit());
    }
}
