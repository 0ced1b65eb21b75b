package org.tfeval.web.participant;

import java.util.List;
import org.tfeval.study.protect.OutputRegister;
import org.tfeval.study.protect.Participants;
import org.tfeval.web.Chrome;

/**
 * The participants screen.
 *
 * @param chrome     the page around it
 * @param rows       every participant
 * @param holders    accounts holding survivor access
 * @param notices    notices to holders of restricted packages, with their acknowledgements
 * @param superseded outputs marked superseded by withdrawals
 */
public record ParticipantsPage(
        Chrome chrome,
        List<Participants.Row> rows,
        List<String> holders,
        List<OutputRegister.Notice> notices,
        List<OutputRegister.Superseded> superseded) {
    public ParticipantsPage {
        rows = List.copyOf(rows);
        holders = List.copyOf(holders);
        notices = List.copyOf(notices);
        superseded = List.copyOf(superseded);
    }

    /** A row's withdrawal level, or blank. */
    public static String level(Participants.Row r) {
        return r.withdrawal().map(l -> l.id()).orElse("");
    }

    /** A row's consent in force: version and record number, or "none recorded". */
    public static String consent(Participants.Row r) {
        return r.consent()
                .map(k -> (k.version() == null ? "?" : k.version()) + " (record " + k.seq() + ")")
                .orElse("none recorded");
    }

    /** The withdrawal levels' names, for the form. */
    public static List<String> levels() {
        return java.util.Arrays.stream(org.tfeval.study.protect.Withdrawal.Level.values())
                .map(l -> l.id())
                .toList();
    }
}
