package org.tfeval.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tfeval.study.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "init",
        header = "Create a study folder with an instrument and its database.",
        description = {
            "Creates DIR with tfeval-study.yaml, a copy of the instrument and the embedded database (or uses --db).",
            "A folder that already holds a study is refused; when creation fails, nothing is left behind."
        })
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The new study folder.")
    Path dir;

    @Option(
            names = "--instrument",
            defaultValue = "ecm",
            description = "Built-in instrument to start from (default: ${DEFAULT-VALUE}).")
    String instrument;

    @Option(names = "--db", paramLabel = "URL", description = "Use this PostgreSQL server instead of the embedded one.")
    String db;

    @Override
    public Integer call() {
        try (Study study = Study.create(dir, instrument, false, db)) {
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Created study %s in %s%n  instrument: %s (%s)%n  database:   %s%n",
                            study.folder().name(),
                            study.folder().dir(),
                            study.folder().instrumentFile().getFileName(),
                            study.instrument().version(),
                            study.databaseDisplay());
            spec.commandLine().getOut().printf("Next: tfeval import --study %s --form task_force FILE.csv%n", dir);
        }
        return ExitCodes.OK;
    }
}
