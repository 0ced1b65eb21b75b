package org.tfeval.cli.deid;

import java.util.Locale;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.qual.Deidentification;
import picocli.CommandLine.Command;

@Command(
        name = "render",
        header =
                "Render the de-identified text of reviewed-and-decided transcripts (tokens replace the replaced spans).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:rendered", "1:refused by the workflow", "2:bad usage", "3:internal failure"})
final class DeidRenderCommand extends DeidStepCommand {
    @Override
    String step(Deidentification d, String interview, String actor) {
        Deidentification.Rendered r = d.render(interview, actor, Role.PRIVACY_OFFICER);
        return String.format(
                Locale.ROOT,
                " v%d: %d span(s) replaced, codings moved %d, to review %d; state deidentified",
                r.version(),
                r.replaced(),
                r.moved(),
                r.toReview());
    }
}
