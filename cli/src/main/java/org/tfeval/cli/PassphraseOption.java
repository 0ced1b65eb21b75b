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

/**
 * Where a passphrase (a backup's or a field package's) comes from: a file, the purpose's
 * environment variable, or a prompt on the terminal (never an argument).
 */
public final class PassphraseOption {
    @Option(
            names = "--passphrase-file",
            paramLabel = "FILE",
            description = "Read the passphrase from the first line of FILE (keep it owner-only). Otherwise it comes"
                    + " from TFEVAL_BACKUP_PASSPHRASE (backups) or TFEVAL_FIELD_PASSPHRASE (field packages),"
                    + " or is asked for on the terminal.")
    Path file;

    /** A backup passphrase; {@code confirm} asks twice at a prompt. */
    Passphrase read(boolean confirm) {
        return read(Passphrase.Purpose.BACKUP, confirm);
    }

    /** A passphrase for {@code purpose}; {@code confirm} asks twice at a prompt. */
    public Passphrase read(Passphrase.Purpose purpose, boolean confirm) {
        if (file != null) {
            try {
                String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .findFirst()
                        .orElse("");
                return new Passphrase(first, purpose);
            } catch (IOException e) {
                throw Problem.usage("cannot read the passphrase file " + file + " (" + e.getMessage() + ")");
            }
        }
        String env = System.getenv(purpose.environment());
        if (env != null && !env.isEmpty()) return new Passphrase(env, purpose);
        Console console = System.console();
        if (console == null) {
            throw Problem.usage(
                    "no " + purpose.word() + " passphrase",
                    "set " + purpose.environment() + ", pass --passphrase-file FILE, or run on a terminal");
        }
        char[] first = console.readPassword("%s", capitalized(purpose.word()) + " passphrase: ");
        try {
            if (confirm) {
                char[] again = console.readPassword("The same passphrase again: ");
                try {
                    if (!Arrays.equals(first, again)) throw Problem.usage("the two passphrases differ");
                } finally {
                    if (again != null) Arrays.fill(again, ' ');
                }
            }
            return new Passphrase(first == null ? "" : new String(first), purpose);
        } finally {
            if (first != null) Arrays.fill(first, ' ');
        }
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
