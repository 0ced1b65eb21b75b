package org.tfeval.cli.field;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.study.field.FieldPassphrase;
import picocli.CommandLine.Option;

/** Where a field package passphrase comes from: a file, the environment, or a prompt (never an argument). */
public final class FieldPassphraseOption {
    @Option(
            names = "--passphrase-file",
            paramLabel = "FILE",
            description = "Read the package passphrase from the first line of FILE (keep it owner-only)."
                    + " Otherwise it comes from " + FieldPassphrase.ENVIRONMENT + ", or is asked for on the terminal.")
    Path file;

    /** The passphrase; {@code confirm} asks twice at a prompt. */
    FieldPassphrase read(boolean confirm) {
        if (file != null) {
            try {
                return new FieldPassphrase(Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .findFirst()
                        .orElse(""));
            } catch (IOException e) {
                throw Problem.usage("cannot read the passphrase file " + file + " (" + e.getMessage() + ")");
            }
        }
        String env = System.getenv(FieldPassphrase.ENVIRONMENT);
        if (env != null && !env.isEmpty()) return new FieldPassphrase(env);
        Console console = System.console();
        if (console == null) {
            throw Problem.usage(
                    "no field package passphrase",
                    "set " + FieldPassphrase.ENVIRONMENT + ", pass --passphrase-file FILE, or run on a terminal");
        }
        char[] first = console.readPassword("Field package passphrase: ");
        try {
            if (confirm) {
                char[] again = console.readPassword("The same passphrase again: ");
                try {
                    if (!Arrays.equals(first, again)) throw Problem.usage("the two passphrases differ");
                } finally {
                    if (again != null) Arrays.fill(again, ' ');
                }
            }
            return new FieldPassphrase(first == null ? "" : new String(first));
        } finally {
            if (first != null) Arrays.fill(first, ' ');
        }
    }
}
