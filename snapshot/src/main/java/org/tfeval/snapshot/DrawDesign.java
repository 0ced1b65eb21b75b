package org.tfeval.snapshot;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The sample design a snapshot was coded from: per task force, its latest recorded draw (frame size, cases drawn,
 * replacements drawn and used, who recorded it, the seed and the method), so that inclusion probabilities and weights
 * need no case list at analysis time. Written as {@value #FILE} beside the datasets (hashed into the snapshot ID like
 * every file: the same data give the same ID; a study without a recorded draw writes no file).
 *
 * <p>Weights: {@code w = N / n_used}, where {@code n_used} counts the draw's entries that were coded, sampled entries
 * and replacements alike. A replacement is coded in place of a sampled file that turned out unusable and counts as
 * that one entry (not as an extra draw), so with every unusable file replaced {@code n_used} equals the sample size
 * drawn; sampled files not coded (yet) do not count (the weight then also adjusts for them, as in R survey's
 * {@code svydesign} with {@code weights = N / n_responding}). The inclusion probability is {@code n_used / N}.
 *
 * @param sites one row per task force with a recorded draw, by TF_ID
 */
public record DrawDesign(List<Site> sites) {
    /** The file in a snapshot. */
    public static final String FILE = "sample_design.csv";
    /** Its columns. */
    public static final List<String> COLUMNS = List.of(
            "TF_ID",
            "DRAW_ID",
            "FRAME_SIZE",
            "SAMPLE_SIZE",
            "REPLACEMENTS_DRAWN",
            "SAMPLE_CODED",
            "REPLACEMENTS_USED",
            "RECORDED_BY",
            "RECORDED_AT",
            "SEED",
            "SIZE_RULE",
            "METHOD");

    public DrawDesign {
        sites = sites.stream().sorted(Comparator.comparing(Site::tfId)).toList();
        for (int i = 1; i < sites.size(); i++)
            if (sites.get(i).tfId().equals(sites.get(i - 1).tfId()))
                throw new IllegalArgumentException("task force " + sites.get(i).tfId() + " has two design rows");
    }

    /** No recorded draw. */
    public static final DrawDesign NONE = new DrawDesign(List.of());

    /**
     * One task force's draw.
     *
     * @param tfId              task force
     * @param drawId            the draw in the study's store
     * @param frameSize         N: cases on the task force's case list
     * @param sampleSize        n: cases drawn into the sample
     * @param replacementsDrawn ordered replacements drawn
     * @param sampleCoded       sampled entries with a coded case
     * @param replacementsUsed  replacement entries with a coded case (coded in place of unusable sampled files)
     * @param recordedBy        who recorded the draw
     * @param recordedAt        when (ISO-8601)
     * @param seed              the draw's seed
     * @param sizeRule          the per-site size rule
     * @param method            the selection method in words
     */
    public record Site(
            String tfId,
            long drawId,
            long frameSize,
            long sampleSize,
            long replacementsDrawn,
            long sampleCoded,
            long replacementsUsed,
            String recordedBy,
            String recordedAt,
            long seed,
            String sizeRule,
            String method) {
        public Site {
            Objects.requireNonNull(tfId, "tfId");
            Objects.requireNonNull(recordedBy, "recordedBy");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(sizeRule, "sizeRule");
            Objects.requireNonNull(method, "method");
            if (frameSize < 1 || sampleSize < 0 || sampleSize > frameSize)
                throw new IllegalArgumentException(
                        tfId + ": a sample of " + sampleSize + " from a frame of " + frameSize + " is impossible");
            if (sampleCoded < 0 || sampleCoded > sampleSize)
                throw new IllegalArgumentException(tfId + ": " + sampleCoded + " of " + sampleSize + " sampled coded");
            if (replacementsUsed < 0 || replacementsUsed > replacementsDrawn)
                throw new IllegalArgumentException(
                        tfId + ": " + replacementsUsed + " of " + replacementsDrawn + " replacements used");
        }

        /** Entries of the draw that were coded: sampled ones and replacements in place of unusable ones. */
        public long used() {
            return sampleCoded + replacementsUsed;
        }

        /** Sampled files not coded: unusable ones (replaced or not) and ones not coded yet. */
        public long sampleNotCoded() {
            return sampleSize - sampleCoded;
        }

        /** Inclusion probability {@code n_used / N}; 0 when nothing was coded. */
        public double inclusionProbability() {
            return (double) used() / frameSize;
        }

        /** The design weight {@code N / n_used}; NaN when nothing was coded. */
        public double weight() {
            return used() == 0 ? Double.NaN : (double) frameSize / used();
        }
    }

    public boolean isEmpty() {
        return sites.isEmpty();
    }

    /** The row of a task force, if it has a draw. */
    public java.util.Optional<Site> site(String tfId) {
        return sites.stream().filter(s -> s.tfId().equals(tfId)).findFirst();
    }

    /** The file's text (RFC 4180, a header, rows by TF_ID, LF line ends). */
    public String toCsv() {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(
                w, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            p.printRecord(COLUMNS);
            for (Site s : sites)
                p.printRecord(
                        s.tfId(),
                        s.drawId(),
                        s.frameSize(),
                        s.sampleSize(),
                        s.replacementsDrawn(),
                        s.sampleCoded(),
                        s.replacementsUsed(),
                        s.recordedBy(),
                        s.recordedAt(),
                        s.seed(),
                        s.sizeRule(),
                        s.method());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** Reads the file of a snapshot folder; {@link #NONE} when the snapshot has none. */
    public static DrawDesign read(Path file) {
        if (!Files.exists(file)) return NONE;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Site> out = new ArrayList<>();
            for (CSVRecord c : CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(r)) {
                out.add(new Site(
                        c.get("TF_ID"),
                        Long.parseLong(c.get("DRAW_ID")),
                        Long.parseLong(c.get("FRAME_SIZE")),
                        Long.parseLong(c.get("SAMPLE_SIZE")),
                        Long.parseLong(c.get("REPLACEMENTS_DRAWN")),
                        Long.parseLong(c.get("SAMPLE_CODED")),
                        Long.parseLong(c.get("REPLACEMENTS_USED")),
                        c.get("RECORDED_BY"),
                        c.get("RECORDED_AT"),
                        Long.parseLong(c.get("SEED")),
                        c.get("SIZE_RULE"),
                        c.get("METHOD")));
            }
            return new DrawDesign(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
