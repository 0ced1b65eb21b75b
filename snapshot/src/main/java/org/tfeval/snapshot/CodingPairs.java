package org.tfeval.snapshot;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The double-coded case files of a snapshot: for every entered variable of every record both blind passes have, the
 * first and the second pass's value as they stood at reconciliation (or stand, for files not reconciled yet), so
 * that inter-coder reliability can be computed from the snapshot alone. Coders are not named. Written as {@value
 * #FILE} beside the datasets (hashed into the ID); a study without double-coded files writes none.
 *
 * @param pairs the coded pairs, by case, form and variable
 */
public record CodingPairs(List<Pair> pairs) {
    /** The file in a snapshot. */
    public static final String FILE = "coding_agreement.csv";
    /** Its columns. */
    public static final List<String> COLUMNS = List.of("CASE_ID", "TF_ID", "FORM", "VARIABLE", "FIRST", "SECOND");

    /** None. */
    public static final CodingPairs NONE = new CodingPairs(List.of());

    public CodingPairs {
        pairs = List.copyOf(pairs);
    }

    /**
     * One variable of one record coded by both passes.
     *
     * @param caseId   the case file
     * @param tfId     its task force
     * @param form     the form of the record
     * @param variable the variable
     * @param first    pass 1's value (import format; empty when blank)
     * @param second   pass 2's value
     */
    public record Pair(String caseId, String tfId, String form, String variable, String first, String second) {
        public Pair {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(tfId, "tfId");
            Objects.requireNonNull(form, "form");
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
        }
    }

    public boolean isEmpty() {
        return pairs.isEmpty();
    }

    /** The file's text (RFC 4180, a header, LF line ends). */
    public String toCsv() {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(
                w, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            p.printRecord(COLUMNS);
            for (Pair x : pairs) p.printRecord(x.caseId(), x.tfId(), x.form(), x.variable(), x.first(), x.second());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** Reads the file; {@link #NONE} when it does not exist. */
    public static CodingPairs read(Path file) {
        if (!Files.exists(file)) return NONE;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Pair> out = new ArrayList<>();
            for (CSVRecord c : CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(r))
                out.add(new Pair(
                        c.get("CASE_ID"),
                        c.get("TF_ID"),
                        c.get("FORM"),
                        c.get("VARIABLE"),
                        c.get("FIRST"),
                        c.get("SECOND")));
            return new CodingPairs(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
