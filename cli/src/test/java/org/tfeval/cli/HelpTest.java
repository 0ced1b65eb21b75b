package org.tfeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command and subcommand answers --help with its options and exit codes. */
class HelpTest {
    record Run(int exit, String out, String err) {}

    static Run run(List<String> args) {
        CommandLine cl = Tfeval.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    /** Every command path below the top, as the words a user types. */
    static List<List<String>> commands(CommandLine cl, List<String> path) {
        List<List<String>> out = new ArrayList<>();
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getValue().getCommand() instanceof CommandLine.HelpCommand) continue;
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            out.add(p);
            out.addAll(commands(e.getValue(), p));
        }
        return out;
    }

    @Test
    void every_command_and_subcommand_answers_help_with_its_options_and_exit_codes() {
        List<List<String>> all = commands(Tfeval.commandLine(), List.of());
        assertThat(all)
                .extracting(p -> String.join(" ", p))
                .contains(
                        "snapshot list",
                        "snapshot verify",
                        "audit verify",
                        "audit log",
                        "instrument show",
                        "instrument to-redcap",
                        "instrument from-redcap",
                        "demo",
                        "run",
                        "release",
                        "serve",
                        "fit");
        for (List<String> path : all) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Run r = run(args);
            String name = String.join(" ", path);
            assertThat(r.exit()).as(name + ": " + r.err()).isZero();
            assertThat(r.out())
                    .as(name)
                    .contains("Usage: tfeval " + name)
                    .contains("Exit codes:")
                    .contains("-h, --help");
            assertThat(r.err()).as(name).isEmpty();
        }
    }

    @Test
    void the_top_level_help_lists_every_command_with_a_whole_sentence() {
        Run r = run(List.of("--help"));
        assertThat(r.exit()).isZero();
        // each listed command with its summary, wrapped lines joined
        List<StringBuilder> entries = new ArrayList<>();
        for (String line : r.out()
                .lines()
                .dropWhile(l -> !l.startsWith("Commands:"))
                .skip(1)
                .takeWhile(l -> !l.isBlank())
                .toList()) {
            if (line.matches("^  \\S.*")) {
                entries.add(new StringBuilder(line.strip()));
            } else if (line.matches("^\\s{4,}\\S.*") && !entries.isEmpty()) {
                entries.get(entries.size() - 1).append(' ').append(line.strip());
            }
        }
        assertThat(entries).hasSizeGreaterThan(15);
        for (StringBuilder e : entries) {
            assertThat(e.toString()).as("a whole sentence, not cut").endsWith(".");
        }
        for (var sub : Tfeval.commandLine().getSubcommands().values()) {
            String[] header = sub.getCommandSpec().usageMessage().header();
            if (sub.getCommand() instanceof CommandLine.HelpCommand) continue;
            assertThat(header)
                    .as(sub.getCommandName() + " has a one-sentence header")
                    .hasSize(1);
            assertThat(header[0]).as(sub.getCommandName()).endsWith(".");
        }
    }

    @Test
    void an_unknown_subcommand_word_is_a_usage_error() {
        Run r = run(List.of("snapshot", "verfy"));
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    }
}
