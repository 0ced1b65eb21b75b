package org.tfeval.qual.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tfeval.qual.text.CanonicalText;
import org.tfeval.qual.text.Span;

/**
 * Patterns of identifiers in running speech. Where a pattern needs context words (a case number
 * after "case no."), only the identifier itself (the group {@code id}) is the span.
 */
public enum IdentifierPattern {
    /** North American phone numbers: (555) 012-3456, 555-012-3456, +1 555 012 3456. */
    PHONE(Category.PHONE, "(?<![\\d-])(?<id>(?:\\+?1[ .-]?)?(?:\\(\\d{3}\\) ?|\\d{3}[ .-])\\d{3}[ .-]\\d{4})(?!\\d)"),
    EMAIL(Category.EMAIL, "(?<id>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})"),
    /** Street addresses with or without a house number: 12 Elm Street, Oak Ave. */
    STREET_ADDRESS(
            Category.ADDRESS,
            "(?<![\\p{L}\\p{N}])(?<id>(?:\\d{1,6} )?(?:[A-Z][a-z]+ ){1,3}(?:Street|St\\.|Avenue|Ave\\.|Road|Rd\\.|"
                    + "Boulevard|Blvd\\.|Lane|Drive|Court|Highway|Hwy\\.|Parkway|Terrace))(?![\\p{L}])"),
    /** Day-and-month dates in words or digits (a bare year is not an identifier). */
    DATE(
            Category.DATE,
            "(?<![\\p{L}\\p{N}])(?<id>(?:(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
                    + "Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.? \\d{1,2}(?:st|nd|rd|th)?"
                    + "(?:,? \\d{4})?|\\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:January|February|March|April|May|June|July|"
                    + "August|September|October|November|December)(?:,? \\d{4})?|\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2})|"
                    + "\\d{4}-\\d{2}-\\d{2}))(?![\\p{L}\\p{N}])"),
    /** Case, docket, file and indictment numbers after their word, and federal docket numbers. */
    CASE_NUMBER(
            Category.CASE_NUMBER,
            "(?:(?i:case|docket|indictment|file|report|incident)(?: (?i:no\\.?|number|#))? ?#?\\s?"
                    + "(?<id>[A-Z0-9]{1,8}(?:[-:/][A-Z0-9]{1,10})+|\\d{4,}))|(?<![\\p{L}\\p{N}])(?<fed>\\d:\\d{2}-"
                    + "(?:cr|cv|mj|mc)-\\d{3,6}(?:-[A-Z]{2,4})?)(?![\\p{L}\\p{N}])"),
    /** License plates after "plate", "tag" or "license". */
    LICENSE_PLATE(
            Category.LICENSE_PLATE,
            "(?i:plate|tag|license)(?: (?i:number|no\\.?|#))? ?(?<id>(?=[A-Z0-9-]*\\d)(?=[A-Z0-9-]*[A-Z])"
                    + "[A-Z0-9]{2,4}[- ]?[A-Z0-9]{2,4})(?![\\p{L}\\p{N}])"),
    /** A name after a title or rank: Detective Ramirez, Ms. Okafor. */
    TITLED_NAME(
            Category.PERSON,
            "(?<![\\p{L}])(?:Mr|Mrs|Ms|Miss|Dr|Officer|Detective|Det|Sgt|Sergeant|Agent|Deputy|Judge|Lt|Lieutenant|"
                    + "Captain|Capt|Trooper|Investigator)\\.? (?<id>\\p{Lu}\\p{Ll}+(?:[- ]\\p{Lu}\\p{Ll}+)?)");

    private final Category category;
    private final Pattern pattern;

    IdentifierPattern(Category category, String regex) {
        this.category = category;
        this.pattern = Pattern.compile(regex);
    }

    public Category category() {
        return category;
    }

    /** What suggestions cite: {@code pattern:phone}. */
    public String source() {
        return "pattern:" + name().toLowerCase(Locale.ROOT);
    }

    /** Every match in the text. */
    public List<Span> find(CanonicalText text) {
        List<Span> out = new ArrayList<>();
        Matcher m = pattern.matcher(text.text());
        while (m.find()) {
            String group = m.group("id") != null ? "id" : hasFed() && m.group("fed") != null ? "fed" : null;
            int start = group == null ? m.start() : m.start(group);
            int end = group == null ? m.end() : m.end(group);
            if (end > start) out.add(new Span(text.codePointAt(start), text.codePointAt(end)));
        }
        return out;
    }

    private boolean hasFed() {
        return this == CASE_NUMBER;
    }
}
