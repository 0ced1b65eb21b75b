package org.tfeval.cli.deid;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.qual.deid.Category;
import org.tfeval.qual.text.Span;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.qual.Deidentification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "review",
        header = "Show an imported transcript's suggestions with their words, or decide them.",
        description = {
            "Without a decision option, lists every suggestion: its number, span [start, end) in code points of",
            "the original, category, origin, status and the original words (an audited read of the original).",
            "--accept and --reject take suggestion numbers; --edit changes one suggestion's span or category;",
            "--add marks a span nothing found in INTERVIEW; --accept-all-from accepts every undecided suggestion",
            "of a roster entry (R12, TF_NAME:TF03) in all imported transcripts."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown or decided", "1:refused", "2:bad usage", "3:internal failure"})
final class DeidReviewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Parameters(arity = "0..1", paramLabel = "INTERVIEW", description = "The interview (to list, or with --add).")
    String interview;

    @Option(names = "--accept", split = ",", paramLabel = "N", description = "Accept suggestions.")
    List<Long> accept;

    @Option(names = "--reject", split = ",", paramLabel = "N", description = "Reject suggestions.")
    List<Long> reject;

    @Option(names = "--edit", paramLabel = "N", description = "Edit one suggestion (with --span and/or --category).")
    Long edit;

    @Option(names = "--add", description = "Add a span to INTERVIEW (with --span and --category).")
    boolean add;

    @Option(names = "--span", paramLabel = "START-END", description = "Code points [START, END) of the original.")
    String span;

    @Option(names = "--category", paramLabel = "CATEGORY", description = "person, survivor, city, place, employer, ...")
    String category;

    @Option(names = "--accept-all-from", paramLabel = "ROSTER", description = "Accept every suggestion of an entry.")
    String acceptAllFrom;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            Deidentification d = Deidentification.of(s);
            PrintWriter pw = spec.commandLine().getOut();
            Role role = Role.PRIVACY_OFFICER;
            boolean decided = false;
            if (acceptAllFrom != null) {
                pw.printf(
                        "accepted %d suggestion(s) of %s%n",
                        d.acceptAllFrom(acceptAllFrom, study.actor(), role), acceptAllFrom);
                decided = true;
            }
            for (long n : accept == null ? List.<Long>of() : accept) {
                d.decide(n, Deidentification.Decision.ACCEPT, study.actor(), role);
                decided = true;
            }
            for (long n : reject == null ? List.<Long>of() : reject) {
                d.decide(n, Deidentification.Decision.REJECT, study.actor(), role);
                decided = true;
            }
            if (edit != null || add) {
                if (span == null || category == null) {
                    throw Problem.usage("--edit and --add need --span START-END and --category", null);
                }
                Span sp = parse(span);
                Category cat = category(category);
                if (add) {
                    if (interview == null) throw Problem.usage("--add needs the INTERVIEW", null);
                    pw.printf("added suggestion %d%n", d.add(interview, sp, cat, study.actor(), role));
                } else {
                    d.edit(edit, sp, cat, study.actor(), role);
                }
                decided = true;
            }
            if (!decided) {
                if (interview == null)
                    throw Problem.usage("name the INTERVIEW to review", "tfeval deid review TF01-P7-I1");
                Deidentification.Review r = d.review(interview, study.actor(), role);
                pw.printf(
                        "%s v%d (%s), participant %s: %d suggestion(s), %d undecided%n",
                        r.interviewId(),
                        r.version(),
                        r.state().label(),
                        r.participantId(),
                        r.items().size(),
                        r.undecided());
                for (Deidentification.Item i : r.items()) {
                    pw.printf(
                            "%6d [%d-%d) %-13s %-8s %-9s %s%n",
                            i.id(),
                            i.suggestion().span().start(),
                            i.suggestion().span().end(),
                            i.suggestion().category().label(),
                            i.suggestion().origin().label(),
                            i.suggestion().status().label(),
                            i.words());
                }
            }
            pw.flush();
            return ExitCodes.OK;
        }
    }

    static Span parse(String s) {
        String[] p = s.split("-", 2);
        try {
            return new Span(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
        } catch (RuntimeException e) {
            throw Problem.usage("a span is START-END in code points, START < END; got " + s, "--span 120-131");
        }
    }

    static Category category(String s) {
        try {
            return Category.of(s);
        } catch (IllegalArgumentException e) {
            throw Problem.usage(e.getMessage(), null);
        }
    }
}
