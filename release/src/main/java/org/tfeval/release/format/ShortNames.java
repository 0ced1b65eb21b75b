package org.tfeval.release.format;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Deterministic short names for formats with a length limit (SAS transport and SPSS short names: 8).
 *
 * <p>Names are upper-cased. Names already short enough keep their spelling and are claimed first, so
 * a long name never takes a short name that exists in the dataset. Each long name, in variable order,
 * then takes its first {@code maxLength} characters if free, else the first {@code maxLength - d}
 * characters followed by the smallest number 1, 2, ... (of {@code d} digits) that gives a free name.
 * The same names in the same order always give the same mapping.
 */
public final class ShortNames {

    private ShortNames() {}

    /**
     * @param names unique ignoring case, each starting with a letter
     * @return each name mapped to its short name, in the order given
     */
    public static Map<String, String> assign(List<String> names, int maxLength) {
        if (maxLength < 2) {
            throw new IllegalArgumentException("short names need at least 2 characters, not " + maxLength);
        }
        Set<String> taken = new HashSet<>();
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : names) {
            String upper = name.toUpperCase(Locale.ROOT);
            if (upper.length() <= maxLength && !taken.add(upper)) {
                throw new IllegalArgumentException("name " + name + " occurs twice (ignoring case)");
            }
        }
        for (String name : names) {
            String upper = name.toUpperCase(Locale.ROOT);
            if (upper.length() <= maxLength) {
                out.put(name, upper);
                continue;
            }
            String candidate = upper.substring(0, maxLength);
            for (int k = 1; taken.contains(candidate); k++) {
                String suffix = Integer.toString(k);
                if (suffix.length() >= maxLength) {
                    throw new IllegalStateException("no free short name for " + name);
                }
                candidate = upper.substring(0, maxLength - suffix.length()) + suffix;
            }
            taken.add(candidate);
            out.put(name, candidate);
        }
        return out;
    }
}
