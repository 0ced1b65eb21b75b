package org.tfeval.qual.deid;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tfeval.qual.text.CanonicalText;
import org.tfeval.qual.text.Span;

/**
 * The names a study knows (participants, task forces, agencies, places), each with its category. An
 * entry matches whole words, in any case, with any run of blanks between its words.
 */
public final class Roster {
    /** Entries shorter than this many letters would match inside ordinary words' company; refused. */
    public static final int MIN_LETTERS = 3;

    /**
     * One roster entry.
     *
     * @param id       stable identifier ({@code R12}, {@code TF_NAME:TF03}); what suggestions cite
     * @param value    the name as the study knows it
     * @param category what it is
     */
    public record Entry(String id, String value, Category category) {
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(category, "category");
            if (value.codePoints().filter(Character::isLetterOrDigit).count() < MIN_LETTERS) {
                throw new IllegalArgumentException(
                        "a roster entry needs at least " + MIN_LETTERS + " letters or digits");
            }
        }
    }

    /** Where an entry occurs. */
    public record Match(Entry entry, Span span) {}

    private final List<Entry> entries;
    private final List<Pattern> patterns;

    private Roster(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        this.patterns = this.entries.stream().map(e -> compile(e.value())).toList();
    }

    public static Roster of(List<Entry> entries) {
        return new Roster(entries);
    }

    public static Roster empty() {
        return new Roster(List.of());
    }

    public List<Entry> entries() {
        return entries;
    }

    /** This roster with more entries. */
    public Roster plus(List<Entry> more) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(more);
        return new Roster(all);
    }

    /** Every occurrence of every entry, in entry order. */
    public List<Match> find(CanonicalText text) {
        List<Match> out = new ArrayList<>();
        String s = text.text();
        for (int k = 0; k < entries.size(); k++) {
            Matcher m = patterns.get(k).matcher(s);
            while (m.find()) {
                out.add(new Match(entries.get(k), new Span(text.codePointAt(m.start()), text.codePointAt(m.end()))));
            }
        }
        return out;
    }

    /** The form two names are compared in: NFC, blanks collapsed, lower case. */
    public static String normalise(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC)
                .strip()
                .replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    static Pattern compile(String value) {
        String[] words =
                Normalizer.normalize(value, Normalizer.Form.NFC).strip().split("\\s+");
        StringBuilder re = new StringBuilder("(?<![\\p{L}\\p{N}])");
        for (int k = 0; k < words.length; k++) {
            if (k > 0) re.append("\\s+");
            re.append(Pattern.quote(words[k]));
        }
        re.append("(?![\\p{L}\\p{N}])");
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
