package org.tfeval.cli.participant;

import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.protect.InterviewSafety;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "safety",
        header =
                "Interview safety: safe-contact methods, the site's referral list, scheduling and the distress protocol.",
        description = {
            "An interview with a survivor cannot be scheduled or started without a safe-contact method for the"
                    + " participant and a referral list for the site; a participant who withdrew is not scheduled again.",
            "Distress protocol steps (pause, check, referral, stop) are recorded per interview; a stop ends it.",
            "These records never enter a snapshot, so no release of any tier holds them."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:recorded", "1:refused (a precondition is missing)", "2:bad usage", "3:internal failure"})
final class ParticipantSafetyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(
                names = "--safe-contact",
                arity = "2",
                paramLabel = "PARTICIPANT METHOD",
                description = "Record a safe-contact method: safe-phone, safe-text, through-advocate, in-person-only.")
        String[] safeContact;

        @Option(
                names = "--referral-list",
                arity = "2",
                paramLabel = "TF VERSION",
                description = "Record the site's current referral list.")
        String[] referralList;

        @Option(
                names = "--interview",
                arity = "2",
                paramLabel = "INTERVIEW EVENT",
                description = "Record an interview event: scheduled, started, completed, pause, check, referral, stop.")
        String[] interview;
    }

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            InterviewSafety safety = InterviewSafety.of(s);
            if (what.safeContact != null) {
                safety.recordSafeContact(
                        what.safeContact[0], InterviewSafety.ContactMethod.of(what.safeContact[1]), study.actor());
            } else if (what.referralList != null) {
                safety.recordReferralList(what.referralList[0], what.referralList[1], study.actor());
            } else {
                safety.record(what.interview[0], InterviewSafety.Event.of(what.interview[1]), study.actor());
            }
            spec.commandLine().getOut().println("Recorded");
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
