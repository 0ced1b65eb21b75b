package org.tfeval.cli.measures;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.instrument.measures.Dimension;
import org.tfeval.instrument.measures.Measure;
import org.tfeval.instrument.measures.MeasureCatalogue;
import org.tfeval.instrument.measures.ReconciliationPair;
import org.tfeval.study.Study;
import org.tfeval.study.measures.Measures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "catalogue",
        header = "The measure catalogue (measures.yaml): measures, pairs that must reconcile, stored versions.")
final class MeasuresCatalogueCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            Measures m = Measures.of(s);
            MeasureCatalogue c = m.catalogue();
            PrintWriter pw = spec.commandLine().getOut();
            pw.printf("%s %s: %s%n", c.id(), c.version(), c.title());
            for (Measure x : c.measures()) {
                pw.printf(
                        "  %-22s %-2s %-7s %-45s %s%s%n",
                        x.id(),
                        x.grantee().code(),
                        x.unit().label(),
                        x.label(),
                        String.join(
                                ",",
                                x.disaggregations().stream()
                                        .map(Dimension::name)
                                        .toList()),
                        x.computed() == null
                                ? ""
                                : "  [computed: " + x.computed().form() + " records by "
                                        + x.computed().datedBy() + "]");
            }
            for (ReconciliationPair p : c.pairs())
                pw.printf(
                        "  pair %-10s %s = %s (tolerance %d or %.0f%%)%n",
                        p.id(), p.lawEnforcement(), p.victimServices(), p.absolute(), 100 * p.relative());
            Map<String, Long> versions = m.catalogueVersions();
            versions.forEach((v, n) -> pw.printf("  stored version %s: %d values%n", v, n));
            pw.flush();
            return ExitCodes.OK;
        }
    }
}
