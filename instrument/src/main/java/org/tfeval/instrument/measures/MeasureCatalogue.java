package org.tfeval.instrument.measures;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.VariableType;

/**
 * The measure catalogue: one version of {@code measures.yaml}. Checks itself: unique IDs, pairs and
 * rates that name catalogue measures of the right grantees.
 *
 * @param id         the catalogue's ID
 * @param version    its version (values keep the version they were reported under)
 * @param title      words for people
 * @param systems    each grantee's reporting system, in words
 * @param dimensions the dimensions, by name
 * @param measures   the measures, in layout order (the order of the export)
 * @param pairs      the reconciliation pairs
 * @param rates      the rates
 * @param sha256     the hash of the YAML text it was read from
 */
public record MeasureCatalogue(
        String id,
        String version,
        String title,
        Map<Grantee, String> systems,
        Map<String, Dimension> dimensions,
        List<Measure> measures,
        List<ReconciliationPair> pairs,
        List<Rate> rates,
        String sha256) {
    public MeasureCatalogue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(sha256, "sha256");
        systems = Map.copyOf(systems);
        dimensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        measures = List.copyOf(measures);
        pairs = List.copyOf(pairs);
        rates = List.copyOf(rates);
        if (measures.isEmpty()) throw new IllegalArgumentException("the catalogue has no measures");
        Set<String> ids = new HashSet<>();
        for (Measure m : measures) {
            if (!ids.add(m.id())) throw new IllegalArgumentException("measure " + m.id() + " is listed twice");
        }
        Map<String, Measure> byId = new LinkedHashMap<>();
        measures.forEach(m -> byId.put(m.id(), m));
        Set<String> pairIds = new HashSet<>();
        for (ReconciliationPair p : pairs) {
            if (!pairIds.add(p.id())) throw new IllegalArgumentException("pair " + p.id() + " is listed twice");
            requireGrantee(byId, p.id(), p.lawEnforcement(), Grantee.LAW_ENFORCEMENT);
            requireGrantee(byId, p.id(), p.victimServices(), Grantee.VICTIM_SERVICES);
        }
        for (Rate r : rates) {
            if (!byId.containsKey(r.numerator()) || !byId.containsKey(r.denominator()))
                throw new IllegalArgumentException("rate " + r.id() + " names a measure outside the catalogue");
        }
    }

    private static void requireGrantee(Map<String, Measure> byId, String pair, String measure, Grantee g) {
        Measure m = byId.get(measure);
        if (m == null) throw new IllegalArgumentException("pair " + pair + " names unknown measure " + measure);
        if (m.grantee() != g)
            throw new IllegalArgumentException(
                    "pair " + pair + ": " + measure + " is not a " + g.yamlName() + " measure");
    }

    /** The measure of that ID. */
    public Optional<Measure> find(String measureId) {
        return measures.stream().filter(m -> m.id().equals(measureId)).findFirst();
    }

    /** The measure of that ID, or an exception naming it. */
    public Measure measure(String measureId) {
        return find(measureId)
                .orElseThrow(() -> new IllegalArgumentException("measure " + measureId + " is not in the catalogue"));
    }

    /** The pair of that ID. */
    public Optional<ReconciliationPair> pair(String pairId) {
        return pairs.stream().filter(p -> p.id().equals(pairId)).findFirst();
    }

    /** The measures the coded case files can compute. */
    public List<Measure> computable() {
        return measures.stream().filter(m -> m.computed() != null).toList();
    }

    /** The measures one grantee reports, in layout order. */
    public List<Measure> reportedBy(Grantee g) {
        return measures.stream().filter(m -> m.grantee() == g).toList();
    }

    /**
     * Checks the computed measures against the case-file instrument: the form exists, its date variable is a
     * date, its conditions name coded variables; the first mismatch is thrown, naming the measure.
     */
    public MeasureCatalogue checkAgainst(Instrument instrument) {
        for (Measure m : computable()) {
            CaseFileCount c = m.computed();
            Form f = instrument
                    .findForm(c.form())
                    .orElseThrow(() -> new IllegalArgumentException("measure " + m.id() + " is computed from form "
                            + c.form() + ", which the instrument lacks"));
            if (f.find("TF_ID").isEmpty())
                throw new IllegalArgumentException("measure " + m.id() + ": form " + c.form() + " has no TF_ID");
            Form dated = f;
            if (c.dateForm() != null) {
                dated = instrument
                        .findForm(c.dateForm())
                        .orElseThrow(() -> new IllegalArgumentException("measure " + m.id() + " is dated by form "
                                + c.dateForm() + ", which the instrument lacks"));
                if (f.variables().stream().noneMatch(v -> c.dateForm().equals(v.parent())))
                    throw new IllegalArgumentException("measure " + m.id() + ": form " + c.form()
                            + " has no variable linking it to its parent form " + c.dateForm());
            }
            if (dated.find(c.dateVariable())
                    .map(v -> v.type() != VariableType.DATE)
                    .orElse(true))
                throw new IllegalArgumentException(
                        "measure " + m.id() + ": " + dated.name() + "." + c.dateVariable() + " is not a date variable");
            for (Map.Entry<String, CaseFileCount.Breakdown> b : c.breakdowns().entrySet()) {
                Dimension d = m.dimension(b.getKey())
                        .orElseThrow(() -> new IllegalArgumentException("measure " + m.id() + " breaks its computed"
                                + " count down by " + b.getKey() + ", which it is not disaggregated by"));
                if (f.find(b.getValue().variable())
                        .map(x -> x.type() != VariableType.CODE)
                        .orElse(true))
                    throw new IllegalArgumentException("measure " + m.id() + ": " + c.form() + "."
                            + b.getValue().variable() + " is not a coded variable");
                java.util.Set<String> cats =
                        new java.util.HashSet<>(b.getValue().codes().keySet());
                cats.add(b.getValue().otherwise());
                if (!d.values().containsAll(cats))
                    throw new IllegalArgumentException("measure " + m.id() + ": the breakdown by " + b.getKey()
                            + " names categories outside " + d.values());
            }
            for (String v : c.where().keySet()) {
                if (f.find(v).map(x -> x.type() != VariableType.CODE).orElse(true))
                    throw new IllegalArgumentException(
                            "measure " + m.id() + ": " + c.form() + "." + v + " is not a coded variable");
            }
        }
        return this;
    }
}
