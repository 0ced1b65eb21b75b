package org.tfeval.qual.codebook;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One code or category.
 *
 * @param guid       REFI-QDA identifier: a UUID, lower case, no braces
 * @param name       short name, unique among the active codes
 * @param parent     the parent's guid, or null at the top
 * @param codable    false for a category (it groups codes; no segment may carry it)
 * @param definition what the code means ("" when not written yet)
 * @param inclusion  when to apply it
 * @param exclusion  when not to (and which code to use instead)
 * @param example    a typical quote
 * @param color      {@code #RRGGBB}, or null
 * @param retired    retired codes keep their codings but take no new ones
 */
public record Code(
        String guid,
        String name,
        String parent,
        boolean codable,
        String definition,
        String inclusion,
        String exclusion,
        String example,
        String color,
        boolean retired) {
    private static final Pattern COLOR = Pattern.compile("#[0-9A-F]{6}");

    public Code {
        guid = normaliseGuid(guid);
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("a code needs a name");
        name = name.strip();
        if (parent != null) parent = normaliseGuid(parent);
        if (guid.equals(parent)) throw new IllegalArgumentException("code " + name + " cannot be its own parent");
        definition = definition == null ? "" : definition.strip();
        inclusion = inclusion == null ? "" : inclusion.strip();
        exclusion = exclusion == null ? "" : exclusion.strip();
        example = example == null ? "" : example.strip();
        if (color != null) {
            color = color.toUpperCase(Locale.ROOT);
            if (color.length() == 4) {
                color = "#" + color.charAt(1) + color.charAt(1) + color.charAt(2) + color.charAt(2) + color.charAt(3)
                        + color.charAt(3);
            }
            if (!COLOR.matcher(color).matches()) throw new IllegalArgumentException("colour must be #RRGGBB");
        }
    }

    /** A new codable code with a fresh guid. */
    public static Code of(String name, String parent, String definition) {
        return new Code(UUID.randomUUID().toString(), name, parent, true, definition, "", "", "", null, false);
    }

    /** A new category (not codable) with a fresh guid. */
    public static Code category(String name, String parent) {
        return new Code(UUID.randomUUID().toString(), name, parent, false, "", "", "", "", null, false);
    }

    /** Lower case, no braces; refuses anything that is not a UUID. */
    public static String normaliseGuid(String guid) {
        Objects.requireNonNull(guid, "guid");
        String g = guid.strip();
        if (g.startsWith("{") && g.endsWith("}")) g = g.substring(1, g.length() - 1);
        g = g.toLowerCase(Locale.ROOT);
        if (!g.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw new IllegalArgumentException("not a GUID: " + guid);
        }
        return g;
    }

    /** Whether a segment may be coded with it now. */
    public boolean applicable() {
        return codable && !retired;
    }

    public Code withName(String n) {
        return new Code(guid, n, parent, codable, definition, inclusion, exclusion, example, color, retired);
    }

    public Code withParent(String p) {
        return new Code(guid, name, p, codable, definition, inclusion, exclusion, example, color, retired);
    }

    public Code retire() {
        return new Code(guid, name, parent, codable, definition, inclusion, exclusion, example, color, true);
    }
}
