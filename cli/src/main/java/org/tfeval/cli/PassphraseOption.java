package org.tfeval.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.study.backup.Passphrase;
import picocli.CommandLine.Option;

/** Where a backup passphrase comes from: a file, the environment, or a prompt on the terminal (never an argument). */
public final class PassphraseOption {
    @Option(
            names = "--passphrase-file",
            paramLabel = "FILE",
            description = "Read the backup passphrase from the first line of FILE (keep it owner-only)."
                    + " Otherwise it comes from " + Passphrase.ENVIRONMENT + ", or is asked for on the terminal.")
    Path file;

    /** The passphrase; {@code confirm} asks twice at a prompt. */
    Passphrase read(boolean confirm) {
        if (file != null) {
            try {
                String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .findFirst()
                        .orElse("");
                return new Passphrase(first);
            } catch (IOException e) {
                throw Problem.usage("cannot read the passphrase file " + file + " (" + e.getMessage() + ")");
            }
        }
        String env = System.getenv(Passphrase.ENVIRONMENT);
        if (env != null && !env.isEmpty()) return new Passphrase(env);
        Console console = System.console();
        if (console == null) {
            throw Problem.usage(
                    "no backup passphrase",
                    "set " + Passphrase.ENVIRONMENT + ", pass --passphrase-file FILE, or run on a terminal");
        }
        char[] first = console.readPassword("Backup passphrase: ");
        try {
            if (confirm) {
                char[] again = console.readPassword("The same passphrase again: ");
                try {
                    if (!Arrays.equals(first, again)) throw Problem.usage("the two passphrases differ");
                } finally {
                    if (again != null) Arrays.fill(again, ' ');
                }
            }
            return new Passphrase(first == null ? "" : new String(first));
        } finally {
            if (first != null) Arrays.fill(first, ' ');
        }
    }
}
