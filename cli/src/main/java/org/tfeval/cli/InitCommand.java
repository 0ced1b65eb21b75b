package org.tfeval.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tfeval.store.study.StudyWorkspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "init", description = "Create a study folder: config, instrument file and an embedded database.")
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The new study folder.")
    Path dir;

    @Option(names = "--instrument", defaultValue = "ecm", description = "Built-in instrument to start from (default: ${DEFAULT-VALUE}).")
    String instrument;

    @Option(names = "--db", paramLabel = "URL", description = "Use this PostgreSQL server instead of the embedded one.")
    String db;

    @Override
    public Integer call() {
        StudyWorkspace ws = StudyWorkspace.init(dir, instrument, false);
        try (var session = ws.open(db)) {
            spec.commandLine().getOut().printf("Created study %s in %s%n  instrument: %s (%s)%n  database:   %s%n", ws.name(), ws.dir(),
                    ws.instrumentFile().getFileName(), session.store().instrument().version(),
                    session.server() != null ? "embedded PostgreSQL in " + ws.dir().resolve(StudyWorkspace.DB_FOLDER) : session.store().settings().display());
            spec.commandLine().getOut().printf("Next: tfeval import --study %s --form task_force FILE.csv%n", dir);
        }
        return ExitCodes.OK;
    }
}
