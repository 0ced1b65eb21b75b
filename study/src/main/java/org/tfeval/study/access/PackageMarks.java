package org.tfeval.study.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tfeval.instrument.workflow.ContentHash;
import org.tfeval.instrument.workflow.Problem;

/**
 * The marks that tie a copy of a restricted package to its issue, and finding them again in a
 * leaked file or folder.
 *
 * <p>Every restricted release draws a fresh pseudonymisation key, so the pseudonyms of the task
 * forces, cases, victims and suspects (16 hex digits each) of one issued package occur in no other:
 * they are in every row of every data file, in every format, survive any reordering of rows or
 * columns and any subset of files, and cannot be removed without destroying the links between the
 * datasets. The transfer log keeps their SHA-256 (never the pseudonyms), and the SHA-256 of every
 * file as issued (a byte-identical copy of any file, Parquet and PDF included, is recognised).
 */
final class PackageMarks {
    /** A pseudonym as the release writes it in an identifier column: 16 hex digits. */
    static final Pattern PSEUDONYM = Pattern.compile("(?<![0-9A-Fa-f])[0-9A-Fa-f]{16}(?![0-9A-Fa-f])");
    /** Hex digits of a pseudonym. */
    static final int TOKEN = 16;
    /** A run of hex digits long enough to hold a pseudonym. */
    static final Pattern HEX_RUN = Pattern.compile("[0-9A-Fa-f]{" + TOKEN + ",}");
    /** Mark kinds, as stored. */
    static final String FILE = "file";

    static final String PSEUDONYM_KIND = "pseudonym";
    /** Characters read at a time when scanning a file; a token cut at the edge is found in the next buffer. */
    static final int SCAN_BUFFER = 1 << 20;

    private PackageMarks() {}

    /** The digest recorded for a pseudonym (case-insensitive: the digest of its lower-case form). */
    static String digest(String pseudonym) {
        return ContentHash.sha256("tfeval-access-pseudonym:" + pseudonym.toLowerCase(Locale.ROOT));
    }

    /**
     * The pseudonyms of an issued package: the values of its identifier columns ({@code idColumns})
     * in its CSV data files, as released.
     */
    static Set<String> pseudonyms(Path packageDir, Set<String> idColumns) {
        Set<String> out = new TreeSet<>();
        for (Path csv : files(packageDir)) {
            if (!csv.getFileName().toString().endsWith(".csv")) continue;
            try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                    CSVParser p = CSVFormat.RFC4180
                            .builder()
                            .setHeader()
                            .setSkipHeaderRecord(true)
                            .get()
                            .parse(r)) {
                List<String> ids = p.getHeaderNames().stream()
                        .filter(h -> idColumns.contains(h.toUpperCase(Locale.ROOT)))
                        .toList();
                if (ids.isEmpty()) continue;
                for (CSVRecord rec : p) {
                    for (String id : ids) {
                        String v = rec.get(id);
                        if (v != null && PSEUDONYM.matcher(v).matches()) out.add(v.toLowerCase(Locale.ROOT));
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw Problem.internal("cannot read the issued file " + csv.getFileName() + " to mark it", e);
            }
        }
        return out;
    }

    /** What a scan of a leaked file or folder found. */
    record Scan(int files, Set<String> fileDigests, Set<String> pseudonymDigests, List<Path> manifests) {}

    /** Scans a file, or every file under a folder: their digests, and the digests of every pseudonym-like token in them. */
    static Scan scan(Path fileOrFolder) {
        if (!Files.exists(fileOrFolder)) throw Problem.usage("no such file or folder: " + fileOrFolder);
        List<Path> files = files(fileOrFolder);
        Set<String> fileDigests = new HashSet<>();
        Set<String> tokens = new HashSet<>();
        List<Path> manifests = new ArrayList<>();
        for (Path f : files) {
            fileDigests.add(ContentHash.sha256(f));
            if (f.getFileName().toString().equals(IssueManifest.FILE)) manifests.add(f);
            tokens(f, tokens);
        }
        Set<String> digests = new HashSet<>();
        for (String t : tokens) digests.add(digest(t));
        return new Scan(files.size(), fileDigests, digests, manifests);
    }

    /**
     * Adds every pseudonym-like token of a file, read byte for byte so binary formats are scanned too:
     * every 16-hex-digit window of every run of hex digits (fixed-width identifier fields of a Stata
     * or SAS transport file sit side by side, so one run may hold several pseudonyms, at any offset).
     */
    static void tokens(Path file, Set<String> out) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[SCAN_BUFFER];
            String carry = "";
            int n;
            while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
                String text = carry + new String(buf, 0, n, StandardCharsets.ISO_8859_1);
                Matcher m = HEX_RUN.matcher(text);
                while (m.find()) {
                    for (int i = m.start(); i + TOKEN <= m.end(); i++) {
                        out.add(text.substring(i, i + TOKEN).toLowerCase(Locale.ROOT));
                    }
                }
                // a window across the buffers' edge starts in the last TOKEN - 1 characters
                carry = text.substring(Math.max(0, text.length() - (TOKEN - 1)));
                if (n < buf.length) break;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Whether a file holds any of the pseudonyms (read byte for byte, as {@link #tokens}). */
    static boolean carriesAny(Path file, Set<String> pseudonyms) {
        Set<String> found = new HashSet<>();
        tokens(file, found);
        found.retainAll(pseudonyms);
        return !found.isEmpty();
    }

    private static List<Path> files(Path fileOrFolder) {
        if (Files.isRegularFile(fileOrFolder)) return List.of(fileOrFolder);
        try (Stream<Path> s = Files.walk(fileOrFolder)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + fileOrFolder, e);
        }
    }
}
