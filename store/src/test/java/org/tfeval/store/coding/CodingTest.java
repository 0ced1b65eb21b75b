package org.tfeval.store.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tfeval.store.coding.CodingFixture.tx;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.instrument.expression.Truth;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.store.Store;
import org.tfeval.store.audit.AuditLog;
import org.tfeval.store.edit.RecordEditor;
import org.tfeval.store.query.DataQuery;
import org.tfeval.store.query.OpenQueries;
import org.tfeval.store.query.Queries;
import org.tfeval.store.sample.SampleDraw;
import org.tfeval.store.validate.StudyValidator;
import org.tfeval.testkit.PostgresExtension;

@ExtendWith(PostgresExtension.class)
class CodingTest {
    private final Instrument ecm = InstrumentLoader.builtIn("ecm");
    private final CaseForms forms = CaseForms.of(ecm);
    private Store store;
    private SampleDraw draw;

    @BeforeEach
    void open(ConnectionSettings db) {
        store = Store.open(db, Store.DEFAULT_SCHEMA, ecm);
        CodingFixture.taskForces(store, "TF01", "TF02");
        draw = CodingFixture.draw(
                store,
                List.of(
                        new SampleDraw.Drawn("TF01", "R-1", 1, false),
                        new SampleDraw.Drawn("TF01", "R-2", 2, false),
                        new SampleDraw.Drawn("TF02", "R-9", 1, false)));
    }

    private CaseFile start(String tf, String ref, String coder) {
        return tx(store, c -> CaseFiles.startSampled(c, forms, draw.id(), tf, ref, coder, coder));
    }

    private DraftRecord root(String caseId, Pass pass) {
        return tx(store, c -> Drafts.records(c, caseId, pass).get(0));
    }

    private DraftRecord save(long id, Map<String, String> cells, String who) {
        return tx(store, c -> Drafts.save(c, forms, id, cells, who));
    }

    private DraftRecord add(long parent, String form, String who) {
        return tx(store, c -> Drafts.add(c, forms, parent, form, who));
    }

    /** A valid case with one victim and one suspect with one offense. */
    private void codeValidCase(String caseId, Pass pass, String who) {
        DraftRecord cr = root(caseId, pass);
        save(
                cr.id(),
                ValidCells.of(
                        forms,
                        "case",
                        Map.of(
                                "INCIDENT_DATE",
                                "2018-01-01",
                                "CASE_OPEN_DATE",
                                "2018-02-01",
                                "CASE_CLOSE_DATE",
                                "2019-01-01")),
                who);
        DraftRecord v = add(cr.id(), "victim", who);
        save(v.id(), ValidCells.of(forms, "victim", Map.of("V_AGE", "30", "V_MINOR", "0")), who);
        DraftRecord s = add(cr.id(), "suspect", who);
        save(s.id(), ValidCells.of(forms, "suspect", Map.of()), who);
        DraftRecord o = add(s.id(), "offense", who);
        save(o.id(), ValidCells.of(forms, "offense", Map.of()), who);
    }

    private Completion.Result complete(String caseId, Pass pass, String who) {
        return tx(store, c -> Completion.complete(c, forms, caseId, pass, who));
    }

    private long count(String sql) {
        return tx(store, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void a_sampled_case_gets_the_next_case_id_of_its_task_force() {
        tx(store, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO d_case (case_id, tf_id) VALUES ('TF01-C0007', 'TF01')")) {
                ps.executeUpdate();
            }
            return null;
        });
        CaseFile a = start("TF01", "R-1", "ann");
        CaseFile b = start("TF02", "R-9", "bob");

        assertThat(a.caseId()).isEqualTo("TF01-C0008");
        assertThat(b.caseId()).isEqualTo("TF02-C0001");
        assertThat(root(a.caseId(), Pass.FIRST).cells())
                .containsEntry("TF_ID", "TF01")
                .containsEntry("CASE_ID", "TF01-C0008");
        assertThatThrownBy(() -> start("TF01", "R-1", "ann"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already started");
        assertThatThrownBy(() -> start("TF01", "R-404", "ann")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_draft_keeps_text_that_breaks_rules_and_the_check_reports_it_by_variable() {
        CaseFile cf = start("TF01", "R-1", "ann");
        DraftRecord cr = root(cf.caseId(), Pass.FIRST);
        DraftRecord saved = save(cr.id(), Map.of("N_AGENCIES", "many", "HT_TYPE", "9"), "ann");

        assertThat(saved.cells()).containsEntry("N_AGENCIES", "many").containsEntry("HT_TYPE", "9");
        assertThat(saved.saves()).isEqualTo(1);
        CaseCheck check = tx(
                store, c -> Completion.tree(c, forms, cf.caseId(), Pass.FIRST).check());
        assertThat(check.of(cr.id()))
                .extracting(Violation::variable, Violation::code)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("N_AGENCIES", "not_a_number"),
                        org.assertj.core.groups.Tuple.tuple("HT_TYPE", "undocumented_code"));
        assertThat(count("SELECT count(*) FROM d_case")).isZero();
        assertThatThrownBy(() -> save(cr.id(), Map.of("CASE_ID", "X"), "ann"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not entered");
    }

    @Test
    void skip_logic_marks_not_applicable_and_clears_it_when_the_variable_applies_again() {
        CaseFile cf = start("TF01", "R-1", "ann");
        DraftRecord cr = root(cf.caseId(), Pass.FIRST);
        save(cr.id(), Map.of("HT_TYPE", "1", "SEX_SUBTYPE", "2"), "ann");
        CaseTree t1 = tx(store, c -> Completion.tree(c, forms, cf.caseId(), Pass.FIRST));
        assertThat(t1.root().prepared()).containsEntry("LABOR_INDUSTRY", "-7").containsEntry("SEX_SUBTYPE", "2");
        assertThat(t1.applies(t1.root(), ecm.form("case").variable("LABOR_INDUSTRY")))
                .isEqualTo(Truth.FALSE);

        save(cr.id(), Map.of("HT_TYPE", "2", "LABOR_INDUSTRY", "-7"), "ann");
        CaseTree t2 = tx(store, c -> Completion.tree(c, forms, cf.caseId(), Pass.FIRST));
        assertThat(t2.root().prepared()).containsEntry("LABOR_INDUSTRY", "").containsEntry("SEX_SUBTYPE", "-7");
        assertThat(root(cf.caseId(), Pass.FIRST).cells())
                .as("what was typed is kept")
                .containsEntry("SEX_SUBTYPE", "2");
    }

    @Test
    void completing_pass_one_writes_the_case_file_with_repeated_and_derived_values_and_an_intact_audit_chain() {
        CaseFile cf = start("TF01", "R-1", "ann");
        codeValidCase(cf.caseId(), Pass.FIRST, "ann");

        Completion.Result r = complete(cf.caseId(), Pass.FIRST, "ann");

        assertThat(r.check().errors()).isEmpty();
        assertThat(r.completed()).isTrue();
        Map<String, Object> c = new RecordEditor(store, "t").get("case", List.of(cf.caseId()));
        assertThat(c)
                .containsEntry("N_VICTIMS", 1L)
                .containsEntry("N_SUSPECTS", 1L)
                .containsEntry("ANY_ARREST", 1L)
                .containsEntry("TF_ID", "TF01");
        Map<String, Object> v = new RecordEditor(store, "t").get("victim", List.of(cf.caseId() + "-V1"));
        assertThat(v).containsEntry("HT_TYPE", 1L).containsEntry("TF_ID", "TF01");
        assertThat(count("SELECT count(*) FROM d_offense")).isEqualTo(1);
        assertThat(StudyValidator.of(store).validate().violations())
                .as("the study validator agrees (the bare task-force record and the sampled cases not coded yet aside)")
                .filteredOn(x -> !"task_force".equals(x.file()) && !"drawn_not_coded".equals(x.code()))
                .isEmpty();
        assertThat(tx(store, c2 -> CaseFiles.pass(c2, cf.caseId(), Pass.FIRST))
                        .orElseThrow()
                        .complete())
                .isTrue();
        assertThat(tx(store, AuditLog::verify)).isEmpty();
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'coding_complete'"))
                .isEqualTo(1);
    }

    @Test
    void completion_is_refused_while_a_record_has_an_error_and_nothing_is_stored() {
        CaseFile cf = start("TF01", "R-1", "ann");
        codeValidCase(cf.caseId(), Pass.FIRST, "ann");
        DraftRecord cr = root(cf.caseId(), Pass.FIRST);
        save(cr.id(), Map.of("CASE_CLOSE_DATE", "2017-01-01"), "ann");

        Completion.Result r = complete(cf.caseId(), Pass.FIRST, "ann");

        assertThat(r.completed()).isFalse();
        assertThat(r.check().errors()).extracting(Violation::code).contains("rule:case_dates_in_order");
        assertThat(count("SELECT count(*) FROM d_case")).isZero();
    }

    @Test
    void an_offense_dated_after_its_suspects_arrest_breaks_the_parent_date_rule() {
        CaseFile cf = start("TF01", "R-1", "ann");
        codeValidCase(cf.caseId(), Pass.FIRST, "ann");
        DraftRecord offense = tx(store, c -> Drafts.records(c, cf.caseId(), Pass.FIRST)).stream()
                .filter(d -> d.form().equals("offense"))
                .findFirst()
                .orElseThrow();
        save(offense.id(), Map.of("OFFENSE_DATE", "2019-01-01"), "ann");

        CaseCheck check = tx(
                store, c -> Completion.tree(c, forms, cf.caseId(), Pass.FIRST).check());

        assertThat(check.of(offense.id()))
                .extracting(Violation::code, Violation::variable)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rule:offense_before_arrest", "OFFENSE_DATE"));
    }

    @Test
    void removing_a_suspect_removes_its_offenses_and_the_next_completion_deletes_them_from_the_study_data() {
        CaseFile cf = start("TF01", "R-1", "ann");
        codeValidCase(cf.caseId(), Pass.FIRST, "ann");
        DraftRecord cr = root(cf.caseId(), Pass.FIRST);
        DraftRecord s2 = add(cr.id(), "suspect", "ann");
        save(s2.id(), ValidCells.of(forms, "suspect", Map.of()), "ann");
        assertThat(complete(cf.caseId(), Pass.FIRST, "ann").completed()).isTrue();
        assertThat(count("SELECT count(*) FROM d_suspect")).isEqualTo(2);
        DraftRecord s1 = tx(store, c -> Drafts.records(c, cf.caseId(), Pass.FIRST)).stream()
                .filter(d -> d.key().endsWith("-S1"))
                .findFirst()
                .orElseThrow();

        tx(store, c -> {
            Drafts.remove(c, forms, s1.id(), "ann");
            return null;
        });
        assertThat(tx(store, c -> CaseFiles.pass(c, cf.caseId(), Pass.FIRST))
                        .orElseThrow()
                        .complete())
                .as("a change reopens the pass")
                .isFalse();
        assertThat(complete(cf.caseId(), Pass.FIRST, "ann").completed()).isTrue();

        assertThat(count("SELECT count(*) FROM d_suspect")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM d_offense")).isZero();
        assertThat(new RecordEditor(store, "t").get("case", List.of(cf.caseId())))
                .containsEntry("N_SUSPECTS", 1L);
        assertThat(tx(store, AuditLog::verify)).isEmpty();
        assertThatThrownBy(() -> tx(store, c -> {
                    Drafts.remove(c, forms, cr.id(), "ann");
                    return null;
                }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void completion_refuses_when_the_stored_record_was_edited_elsewhere_until_the_case_file_is_reloaded() {
        CaseFile cf = start("TF01", "R-1", "ann");
        codeValidCase(cf.caseId(), Pass.FIRST, "ann");
        assertThat(complete(cf.caseId(), Pass.FIRST, "ann").completed()).isTrue();
        new RecordEditor(store, "cli").set("case", List.of(cf.caseId()), Map.of("N_AGENCIES", "7"), "file re-read");
        save(root(cf.caseId(), Pass.FIRST).id(), Map.of("LOCATION", "2"), "ann");

        Completion.Result r = complete(cf.caseId(), Pass.FIRST, "ann");
        assertThat(r.completed()).isFalse();
        assertThat(r.conflicts()).extracting(Violation::code).containsExactly(Completion.CHANGED_ELSEWHERE);

        tx(store, c -> {
            CaseFiles.reloadFromStore(c, forms, cf.caseId(), "ann");
            return null;
        });
        assertThat(root(cf.caseId(), Pass.FIRST).cells()).containsEntry("N_AGENCIES", "7");
        assertThat(complete(cf.caseId(), Pass.FIRST, "ann").completed()).isTrue();
    }

    @Test
    void a_stored_case_is_adopted_as_a_complete_first_pass_with_all_its_records() {
        CaseFile cf = start("TF01", "R-1", "ann");
        codeValidCase(cf.caseId(), Pass.FIRST, "ann");
        complete(cf.caseId(), Pass.FIRST, "ann");
        // forget the coding, keep the stored data, as for an imported case
        tx(store, c -> {
            try (var st = c.createStatement()) {
                st.execute("DELETE FROM coding_record WHERE parent_id IS NOT NULL AND form = 'offense'");
                st.execute("DELETE FROM coding_record WHERE parent_id IS NOT NULL");
                st.execute("DELETE FROM coding_record");
                st.execute("DELETE FROM coding_pass");
                st.execute("DELETE FROM coding_case");
            }
            return null;
        });
        List<String> stored = tx(store, c -> CaseFiles.storedNotInCoding(c, forms, "TF01"));
        assertThat(stored).containsExactly(cf.caseId());

        tx(store, c -> CaseFiles.adopt(c, forms, cf.caseId(), "carl"));

        List<DraftRecord> records = tx(store, c -> Drafts.records(c, cf.caseId(), Pass.FIRST));
        assertThat(records).extracting(DraftRecord::form).containsExactly("case", "victim", "suspect", "offense");
        assertThat(records.get(0).cells()).doesNotContainKey("N_VICTIMS").containsEntry("HT_TYPE", "1");
        assertThat(records.get(3).key()).isEqualTo(cf.caseId() + "-S1/1");
        assertThat(tx(store, c -> CaseFiles.pass(c, cf.caseId(), Pass.FIRST))
                        .orElseThrow()
                        .complete())
                .isTrue();
        assertThat(complete(cf.caseId(), Pass.FIRST, "carl").completed())
                .as("re-completing unchanged data changes nothing")
                .isTrue();
        assertThat(
                        count(
                                "SELECT count(*) FROM audit_change ch JOIN audit_event e ON e.seq = ch.event_seq WHERE e.actor = 'carl'"))
                .isZero();
    }

    @Test
    void warnings_open_one_rule_query_per_field_and_rule() {
        CaseFile cf = start("TF01", "R-1", "ann");
        codeValidCase(cf.caseId(), Pass.FIRST, "ann");
        DraftRecord victim = tx(store, c -> Drafts.records(c, cf.caseId(), Pass.FIRST)).stream()
                .filter(d -> d.form().equals("victim"))
                .findFirst()
                .orElseThrow();
        save(victim.id(), Map.of("V_MINOR", "1"), "ann");

        assertThat(complete(cf.caseId(), Pass.FIRST, "ann").completed()).isTrue();
        save(victim.id(), Map.of("V_COOPERATED", "0"), "ann");
        assertThat(complete(cf.caseId(), Pass.FIRST, "ann").completed()).isTrue();

        List<DataQuery> queries = tx(store, c -> Queries.ofCase(c, cf.caseId()));
        assertThat(queries).singleElement().satisfies(q -> {
            assertThat(q.origin()).isEqualTo(DataQuery.Origin.RULE);
            assertThat(q.ruleCode()).isEqualTo("rule:minor_age_consistent");
            assertThat(q.recordKey()).isEqualTo(cf.caseId() + "-V1");
        });
        assertThat(OpenQueries.count(store)).isEqualTo(1);
    }

    @Test
    void reconciliation_takes_the_chosen_values_and_agreement_keeps_the_independent_codings() {
        CaseFile cf = start("TF01", "R-1", "ann");
        codeValidCase(cf.caseId(), Pass.FIRST, "ann");
        assertThat(complete(cf.caseId(), Pass.FIRST, "ann").completed()).isTrue();
        assertThatThrownBy(() -> tx(store, c -> {
                    CaseFiles.assignSecond(c, forms, cf.caseId(), "ann", "cora");
                    return null;
                }))
                .hasMessageContaining("must not be the first");
        tx(store, c -> {
            CaseFiles.assignSecond(c, forms, cf.caseId(), "bob", "cora");
            return null;
        });
        codeValidCase(cf.caseId(), Pass.SECOND, "bob");
        DraftRecord second = root(cf.caseId(), Pass.SECOND);
        save(second.id(), Map.of("LOCATION", "2", "N_AGENCIES", "4"), "bob");
        DraftRecord extra = add(second.id(), "victim", "bob");
        save(extra.id(), ValidCells.of(forms, "victim", Map.of("V_AGE", "40", "V_MINOR", "0")), "bob");
        assertThat(complete(cf.caseId(), Pass.SECOND, "bob").completed()).isTrue();
        assertThat(count("SELECT count(*) FROM d_victim"))
                .as("pass 2 does not touch the study data")
                .isEqualTo(1);

        List<Reconciliation.Difference> diffs = tx(
                store,
                c -> Reconciliation.differences(
                        forms,
                        Completion.tree(c, forms, cf.caseId(), Pass.FIRST),
                        Completion.tree(c, forms, cf.caseId(), Pass.SECOND)));
        assertThat(diffs)
                .extracting(Reconciliation.Difference::variable)
                .containsExactly("LOCATION", "N_AGENCIES", null);
        Reconciliation.Difference location = diffs.get(0);
        Reconciliation.Difference victim = diffs.get(2);
        assertThat(victim.first()).isEqualTo(Reconciliation.NOT_CODED);

        Completion.Result r = tx(
                store,
                c -> Reconciliation.resolve(
                        c, forms, cf.caseId(), Map.of(location.id(), Pass.SECOND, victim.id(), Pass.SECOND), "cora"));

        assertThat(r.completed()).isTrue();
        assertThat(tx(store, c -> CaseFiles.find(c, cf.caseId())).orElseThrow().reconciled())
                .isTrue();
        assertThat(new RecordEditor(store, "t").get("case", List.of(cf.caseId())))
                .containsEntry("LOCATION", 2L)
                .containsEntry("N_AGENCIES", 30L)
                .containsEntry("N_VICTIMS", 2L);
        List<Reconciliation.CodedPair> pairs = tx(store, c -> Reconciliation.pairs(c, forms, List.of("TF01")));
        assertThat(pairs)
                .filteredOn(p -> p.variable().equals("LOCATION"))
                .singleElement()
                .satisfies(p -> assertThat(List.of(p.first(), p.second(), p.firstCoder(), p.secondCoder()))
                        .containsExactly("1", "2", "ann", "bob"));
        List<Reconciliation.CodedPair> elsewhere = tx(store, c -> Reconciliation.pairs(c, forms, List.of("TF02")));
        assertThat(elsewhere).isEmpty();
        List<CaseFiles.Progress> progress = tx(store, c -> CaseFiles.progress(c, forms, List.of("TF01")));
        assertThat(progress).singleElement().isEqualTo(new CaseFiles.Progress("TF01", 2, 1, 1, 1, 1, 1));
        assertThat(tx(store, AuditLog::verify)).isEmpty();
    }
}
