package org.tfeval.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tfeval.instrument.validation.Location;
import org.tfeval.instrument.validation.RecordValidator;
import org.tfeval.instrument.validation.Violation;

/** The interview strand's forms are validated like every other form. */
class InterviewFormsTest {
    private final Instrument ecm = InstrumentLoader.builtIn("ecm");

    private static Map<String, String> survivor(String tier) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("PARTICIPANT_ID", "TF01-P7");
        r.put("TF_ID", "TF01");
        r.put("STAKEHOLDER_GROUP", "6");
        r.put("AGENCY_LEVEL", "-7");
        r.put("TF_ROLE", "-7");
        r.put("CONSENT_STATUS", "1");
        r.put("CONSENT_VERSION", "v2.1");
        r.put("SENSITIVITY_TIER", tier);
        return r;
    }

    private List<Violation> errors(String form, Map<String, String> record) {
        List<Violation> out = new ArrayList<>();
        new RecordValidator(ecm, ecm.form(form)).parse(record, new Location("participant.csv", 2), out::add);
        return out.stream().filter(Violation::isError).toList();
    }

    @Test
    void participant_form_carries_the_seven_stakeholder_groups() {
        assertThat(ecm.form("participant").variable("STAKEHOLDER_GROUP").valueLabels())
                .hasSize(7);
        assertThat(ecm.form("interview").parentLink()).isPresent();
    }

    @Test
    void a_survivor_in_the_survivor_tier_is_valid() {
        assertThat(errors("participant", survivor("3"))).isEmpty();
    }

    @Test
    void a_survivor_in_the_professional_tier_is_refused() {
        assertThat(errors("participant", survivor("1")))
                .extracting(Violation::code)
                .containsExactly("rule:survivor_is_survivor_tier");
    }
}
