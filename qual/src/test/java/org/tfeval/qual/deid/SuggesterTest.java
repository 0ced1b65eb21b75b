package org.tfeval.qual.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tfeval.qual.text.CanonicalText;
import org.tfeval.qual.text.Span;
import org.tfeval.qual.transcript.TranscriptReader;

class SuggesterTest {
    private static final String TEXT = "Interviewer: When did you first call?\n"
            + "Maria Lopez: On March 3rd I called (555) 012-3456 from the Riverside Motel on 12 Elm Street.\n"
            + "Interviewer: Who answered?\n"
            + "Maria Lopez: Detective Ramirez at Fairview Police Department, case no. 2019-CR-0042, and Maria was"
            + " me, write to maria.lopez@example.org. In 2019 nothing happened. The car had plate 7ABC123.";

    private static List<String> found(List<Suggestion> s, CanonicalText t) {
        return s.stream()
                .map(x -> x.category().label() + "=" + t.slice(x.span()))
                .toList();
    }

    @Test
    void rosters_patterns_and_speaker_labels_are_all_suggested_once_each() {
        CanonicalText t = CanonicalText.of(TEXT);
        Roster roster = Roster.of(List.of(
                new Roster.Entry("R1", "Fairview Police Department", Category.AGENCY),
                new Roster.Entry("R2", "Fairview", Category.CITY),
                new Roster.Entry("R3", "riverside  motel", Category.PLACE)));
        List<Suggestion> s = Suggester.suggest(t, TranscriptReader.turnsOf(t), roster);
        assertThat(found(s, t))
                .containsExactly(
                        "person=Maria Lopez",
                        "date=March 3rd",
                        "phone=(555) 012-3456",
                        "place=Riverside Motel",
                        "address=12 Elm Street",
                        "person=Maria Lopez",
                        "person=Ramirez",
                        "agency=Fairview Police Department",
                        "case_number=2019-CR-0042",
                        "person=Maria",
                        "email=maria.lopez@example.org",
                        "license_plate=7ABC123");
        assertThat(s).allMatch(x -> x.status() == Status.SUGGESTED);
        // the bare year and the generic "Interviewer" label are not identifiers
        assertThat(found(s, t)).noneMatch(f -> f.contains("2019 ") || f.contains("Interviewer"));
        assertThat(s.get(0).origin()).isEqualTo(Origin.SPEAKER);
        assertThat(s.get(7).source()).isEqualTo("roster:R1");
    }

    @Test
    void tokens_are_consistent_and_the_residual_scan_finds_what_was_left() {
        CanonicalText t = CanonicalText.of("A: Call Hope House at 555-012-3456.\nB: Hope House again, on May 4.");
        Roster roster = Roster.of(List.of(new Roster.Entry("R1", "Hope House", Category.AGENCY)));
        List<Suggestion> s = Suggester.suggest(t, List.of(), roster);
        assertThat(s).hasSize(4);
        // accept both agency mentions and the phone; reject the date
        List<Suggestion> decided = List.of(
                s.get(0).with(Status.ACCEPTED),
                s.get(1).with(Status.ACCEPTED),
                s.get(2).with(Status.ACCEPTED),
                s.get(3).with(Status.REJECTED));
        java.util.Map<String, String> book = new java.util.HashMap<>();
        Rendering.Rendered r = Rendering.render(
                t,
                decided,
                (c, o) -> book.computeIfAbsent(
                        c + Roster.normalise(o),
                        k -> c.token((int) book.keySet().stream()
                                        .filter(x -> x.startsWith(c.name()))
                                        .count()
                                + 1)));
        assertThat(r.text().text()).isEqualTo("A: Call [AGENCY-1] at [PHONE-1].\nB: [AGENCY-1] again, on May 4.");
        Span date = r.map(s.get(3).span());
        assertThat(r.text().slice(date)).isEqualTo("May 4");
        List<Span> settled = new java.util.ArrayList<>(
                r.replacements().stream().map(Rendering.Replacement::rendered).toList());
        assertThat(ResidualScan.unreviewed(ResidualScan.scan(r.text(), roster, settled)))
                .extracting(ResidualScan.Hit::category)
                .containsExactly(Category.DATE);
        settled.add(date);
        assertThat(ResidualScan.unreviewed(ResidualScan.scan(r.text(), roster, settled)))
                .isEmpty();
        // a roster entry added later is caught in text already rendered
        Roster grown = roster.plus(List.of(new Roster.Entry("R2", "again", Category.PLACE)));
        assertThat(ResidualScan.unreviewed(ResidualScan.scan(r.text(), grown, settled)))
                .hasSize(1);
    }

    @Test
    void rendering_is_refused_while_a_suggestion_is_undecided_or_replaced_spans_overlap() {
        CanonicalText t = CanonicalText.of("Call 555-012-3456 now.");
        Suggestion phone =
                new Suggestion(new Span(5, 17), Category.PHONE, Origin.PATTERN, "pattern:phone", Status.SUGGESTED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Rendering.render(t, List.of(phone), (c, o) -> "[X]"))
                .isInstanceOf(org.tfeval.instrument.workflow.Problem.Refused.class);
        Suggestion added = new Suggestion(new Span(0, 9), Category.PHONE, Origin.REVIEWER, "reviewer", Status.ADDED);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Rendering.render(t, List.of(phone.with(Status.ACCEPTED), added), (c, o) -> "[X]"))
                .isInstanceOf(org.tfeval.instrument.workflow.Problem.Refused.class);
        assertThat(Category.SURVIVOR.token(7)).isEqualTo("[SURVIVOR-07]");
        assertThat(Category.CITY.token(1)).isEqualTo("[CITY-1]");
    }
}
