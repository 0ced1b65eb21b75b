package org.tfeval.release.format;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the tools researchers use to read our files. A test that needs a missing tool fails, naming
 * the Debian package to install, unless the environment sets {@code TFEVAL_SKIP_EXTERNAL=1}.
 */
public final class ExternalTools {
    public static final String SKIP_VARIABLE = "TFEVAL_SKIP_EXTERNAL";
    private static final long TIMEOUT_SECONDS = 600;
    /** Present on every Debian system (libc-bin), unlike en_US.UTF-8. */
    private static final String UTF8_LOCALE = "C.UTF-8";

    private ExternalTools() {}

    public static void require(String tool, String debianPackage) {
        if ("1".equals(System.getenv(SKIP_VARIABLE))) {
            Assumptions.abort(SKIP_VARIABLE + "=1: not running " + tool);
        }
        boolean found = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
        if (!found) {
            fail(tool + " is not on the PATH: install the Debian package " + debianPackage + " (or set " + SKIP_VARIABLE
                    + "=1 to skip tests that need it)");
        }
    }

    public static void requireReadstat() {
        require("readstat", "readstat");
        require("extract_metadata", "readstat");
    }

    public static void requireR() {
        require("Rscript", "r-base-core and r-cran-haven");
    }

    /** Runs the command in {@code dir}, fails the test unless it exits with 0, returns stdout. */
    public static String run(Path dir, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        // researchers run these tools in a UTF-8 locale; a bare CI machine may default to POSIX
        builder.environment().put("LANG", UTF8_LOCALE);
        builder.environment().put("LC_ALL", UTF8_LOCALE);
        Process p = builder.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        Files.delete(out);
        Files.delete(err);
        if (p.exitValue() != 0) {
            fail(String.join(" ", command) + " exited with " + p.exitValue() + "\nstdout:\n" + stdout + "\nstderr:\n"
                    + stderr);
        }
        return stdout;
    }
}
