package org.tfeval.report.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where a document decides how a task force is named. A RESTRICTED edition prints
 * IDs; a PUBLIC edition prints "Task force A", "B", ... in an order that reveals nothing: by a
 * hash of the snapshot ID and the task-force ID (not by ID, size or any feature), the same labels
 * throughout the document's per-task-force table. {@link #anonymize} replaces every ID left in the
 * finished XHTML, as a whole word, by {@link #UNNAMED}: a sentence about one task force ("held by
 * one task force (TF03)") must not tie a feature to a label whose counts a table prints, so no
 * sentence, table or chart of a public edition names or labels one. Immutable.
 */
public final class SiteNames {
    /** Groups of fewer task forces than this are not shown in a public edition (they would identify them). */
    public static final int MIN_GROUP = 3;

    /** What a public edition prints where generated text would name a task force. */
    public static final String UNNAMED = "a task force not named in this edition";

    private final Edition edition;
    private final Map<String, String> labels;

    private SiteNames(Edition edition, Map<String, String> labels) {
        this.edition = Objects.requireNonNull(edition, "edition");
        this.labels = labels;
    }

    /** Labels for the task forces {@code ids} of the snapshot {@code snapshotId}. */
    public static SiteNames of(Edition edition, String snapshotId, Collection<String> ids) {
        List<String> order = new ArrayList<>(ids);
        order.sort(Comparator.comparing((String id) -> key(snapshotId, id)).thenComparing(id -> id));
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) labels.put(order.get(i), "Task force " + letter(i));
        return new SiteNames(edition, labels);
    }

    public Edition edition() {
        return edition;
    }

    /** The task forces in label order (A, B, ...). */
    public List<String> ids() {
        return List.copyOf(labels.keySet());
    }

    /** How the edition names a task force. */
    public String name(String id) {
        if (edition.namesSites()) return id;
        String l = labels.get(id);
        if (l == null) throw new IllegalArgumentException("not a task force of this snapshot");
        return l;
    }

    /** The text with every task-force ID replaced by {@link #UNNAMED} (a public edition); unchanged otherwise. */
    public String anonymize(String text) {
        if (edition.namesSites() || labels.isEmpty()) return text;
        List<String> ids = new ArrayList<>(labels.keySet());
        ids.sort(Comparator.comparing(String::length).reversed());
        StringBuilder alternatives = new StringBuilder();
        for (String id : ids) {
            if (alternatives.length() > 0) alternatives.append('|');
            alternatives.append(Pattern.quote(id));
        }
        Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}_])(" + alternatives + ")(?![\\p{L}\\p{N}_])");
        Matcher m = p.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(UNNAMED));
        m.appendTail(out);
        return out.toString();
    }

    static String letter(int i) {
        return i < 26 ? String.valueOf((char) ('A' + i)) : letter(i / 26 - 1) + (char) ('A' + i % 26);
    }

    private static String key(String snapshotId, String id) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest((snapshotId + "/" + id).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
