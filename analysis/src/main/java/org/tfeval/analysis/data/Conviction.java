package org.tfeval.analysis.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.Variable;

/**
 * What counts as a conviction, read from the instrument rather than written here: the dispositions
 * that satisfy the condition of the case variable {@value #DERIVED} (an ANY derivation over the
 * suspects), and every other coded disposition as not convicted. The sentence stage reads the
 * coded sentence types the same way.
 *
 * @param convicting     {@value #DISPOSITION} codes that are a conviction (trial, plea)
 * @param notConvicting  the other codes of {@value #DISPOSITION}
 * @param sentenceTypes  the codes of {@value #SENTENCE_TYPE}
 * @param convictingLabels value labels of the convicting codes, in code order
 */
public record Conviction(
        Set<Long> convicting, Set<Long> notConvicting, Set<Long> sentenceTypes, List<String> convictingLabels) {
    /** The suspect's disposition. */
    public static final String DISPOSITION = "S_DISPOSITION";
    /** The suspect's sentence type. */
    public static final String SENTENCE_TYPE = "S_SENTENCE_TYPE";
    /** The case variable whose derivation defines a conviction. */
    public static final String DERIVED = "ANY_CONVICTION";

    public Conviction {
        convicting = Set.copyOf(convicting);
        notConvicting = Set.copyOf(notConvicting);
        sentenceTypes = Set.copyOf(sentenceTypes);
        convictingLabels = List.copyOf(convictingLabels);
        if (convicting.isEmpty())
            throw new IllegalArgumentException(DERIVED + " names no " + DISPOSITION + " code as a conviction");
    }

    /** Reads the definition from the instrument. */
    public static Conviction of(Instrument instrument) {
        Objects.requireNonNull(instrument, "instrument");
        Variable derived = instrument.form("case").variable(DERIVED);
        if (derived.derived() == null || derived.derived().where() == null) {
            throw new IllegalArgumentException(
                    "instrument " + instrument.id() + ": " + DERIVED + " is not derived with a condition");
        }
        Variable disposition = instrument.form("suspect").variable(DISPOSITION);
        Set<Long> yes = new TreeSet<>();
        Set<Long> no = new TreeSet<>();
        List<String> labels = new ArrayList<>();
        for (Map.Entry<Long, String> e : disposition.valueLabels().entrySet()) {
            Long code = e.getKey();
            boolean convicted = derived.derived().where().test(v -> v.equals(DISPOSITION) ? code : null)
                    == org.tfeval.instrument.expression.Truth.TRUE;
            (convicted ? yes : no).add(code);
            if (convicted) labels.add(e.getValue());
        }
        Set<Long> sentences = new TreeSet<>(
                instrument.form("suspect").variable(SENTENCE_TYPE).valueLabels().keySet());
        return new Conviction(yes, no, sentences, labels);
    }

    /** Whether a disposition code is a conviction. */
    public boolean convicts(long disposition) {
        return convicting.contains(disposition);
    }

    /** Words for methods text, e.g. {@code convicted at trial or guilty plea}, from the value labels. */
    public String words() {
        return convictingLabels.stream()
                .map(l -> l.isEmpty() ? l : Character.toLowerCase(l.charAt(0)) + l.substring(1))
                .collect(Collectors.joining(" or "));
    }

    /** SQL list of codes, e.g. {@code 1, 2}. */
    static String sqlList(Set<Long> codes) {
        return codes.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
