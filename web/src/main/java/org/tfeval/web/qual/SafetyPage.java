package org.tfeval.web.qual;

import java.util.Arrays;
import java.util.List;
import org.tfeval.study.protect.InterviewSafety;
import org.tfeval.web.Chrome;

/**
 * The interview safety screen: the site's referral list, a participant's safe-contact method, scheduling
 * and starting an interview, and its distress protocol. Nothing here is ever exported (restricted tier).
 *
 * @param chrome    the page around it
 * @param interview the interview whose events are shown, or null
 * @param events    its events, oldest first
 */
public record SafetyPage(Chrome chrome, String interview, List<InterviewSafety.Event> events) {
    public SafetyPage {
        events = List.copyOf(events);
    }

    /** The safe-contact methods' ids. */
    public List<String> methods() {
        return Arrays.stream(InterviewSafety.ContactMethod.values())
                .map(InterviewSafety.ContactMethod::id)
                .toList();
    }

    /** The events one records from this screen after scheduling: start, the distress protocol, completion. */
    public List<String> steps() {
        return Arrays.stream(InterviewSafety.Event.values())
                .filter(e -> e != InterviewSafety.Event.SCHEDULED)
                .map(InterviewSafety.Event::id)
                .toList();
    }
}
