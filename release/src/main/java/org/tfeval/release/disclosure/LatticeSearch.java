package org.tfeval.release.disclosure;

import static org.tfeval.instrument.sql.SqlIdentifier.quote;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tfeval.instrument.DisclosureRole;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.MissingCode;
import org.tfeval.instrument.disclosure.GroupProfile;
import org.tfeval.instrument.disclosure.Hierarchy;
import org.tfeval.instrument.disclosure.Scenario;
import org.tfeval.release.dataset.VariableKind;

/**
 * Generalization before suppression: searches the lattice of the instrument's generalization
 * hierarchies (one dimension per {@code dimension}, the levels of its variables climbing together)
 * for the solution with the least information loss under the {@link LossMetric} that is
 * k-anonymous, in the disclosure scenario's views, for all but {@value #OUTLIER_LIMIT_PERCENT}% of
 * the cases (local suppression then treats those), and whose task-force profiles each cover the
 * declared number of task forces. Small lattices are enumerated in full; larger ones by ARX's Flash
 * strategy: greedy paths upward, binary search for the lowest anonymous node on each, and predictive
 * tagging (a generalization of an anonymous node is anonymous, a specialization of a non-anonymous
 * one is not), so that every minimal anonymous node is counted and, the metrics being monotone, the
 * optimum is among them. Runs before the rows are built: the chosen levels become the variables'
 * values and labels. Quasi-identifiers without a hierarchy stay as they are (level 0).
 */
public final class LatticeSearch implements DisclosureRule {
    /** Lattices up to this many nodes are counted node by node. */
    static final int FULL_ENUMERATION_LIMIT = 4096;
    /** Larger lattices than this are refused: pin some dimensions. */
    static final long MAX_LATTICE = 2_000_000L;
    /** ARX's suppression limit: the share of cases a solution may leave in small classes. */
    static final double OUTLIER_LIMIT = 0.10;

    static final int OUTLIER_LIMIT_PERCENT = 10;

    private static final int ABSENT = Integer.MIN_VALUE;
    private static final int TOP = Integer.MIN_VALUE + 1;

    private final int k;

    public LatticeSearch(int k) {
        this.k = k;
    }

    /** A quasi-identifier in the search. */
    private static final class Quasi {
        final PlannedVariable variable;
        final Hierarchy hierarchy; // null: stays as released
        final int dimension; // -1: none
        final Map<String, Integer> domain = new LinkedHashMap<>();
        final List<String> values = new ArrayList<>();
        final List<Boolean> valid = new ArrayList<>();
        int[][] codes; // [level][value] -> class code
        int[] recordValue; // per record of the form
        int[] recordCase;

        Quasi(PlannedVariable variable, Hierarchy hierarchy, int dimension) {
            this.variable = variable;
            this.hierarchy = hierarchy;
            this.dimension = dimension;
        }

        int height() {
            return hierarchy == null ? 1 : hierarchy.height();
        }

        int index(String value) {
            return domain.computeIfAbsent(value, v -> {
                values.add(v);
                valid.add(v != null && !isMissing(v));
                return values.size() - 1;
            });
        }
    }

    @Override
    public void apply(ReleaseWork work) throws SQLException {
        if (work.materialised()) {
            throw new IllegalStateException("the lattice search runs before the rows are built");
        }
        JoinedView view = work.view();
        List<String> viewForms = new ArrayList<>();
        viewForms.add(view.unit());
        viewForms.addAll(view.descendants());
        List<Quasi> quasi = new ArrayList<>();
        List<String> dims = new ArrayList<>();
        Map<String, Integer> heights = new LinkedHashMap<>();
        for (PlannedVariable v : work.allVariables()) {
            if (v.role() != DisclosureRole.QUASI || v.inherits() != null || !viewForms.contains(v.form())) {
                continue;
            }
            if (v.kind() == VariableKind.DATE || v.kind() == VariableKind.STRING) {
                continue;
            }
            Optional<Hierarchy> h = work.instrument().disclosureModel().hierarchy(v.qualifiedName());
            int d = -1;
            if (h.isPresent()) {
                String dim = h.get().dimension();
                if (!dims.contains(dim)) {
                    dims.add(dim);
                }
                d = dims.indexOf(dim);
                heights.merge(dim, h.get().height(), Math::max);
            }
            quasi.add(new Quasi(v, h.orElse(null), d));
        }
        if (dims.isEmpty()) {
            work.note("no generalization hierarchy applies to the quasi-identifiers: no lattice search");
            return;
        }
        Scenario scenario = work.scenario();
        Map<String, Integer> pins = resolvePins(work.pins(), dims, heights, quasi);
        int[] height = dims.stream().mapToInt(heights::get).toArray();
        int[] lo = new int[dims.size()];
        int[] hi = new int[dims.size()];
        long size = 1;
        for (int d = 0; d < dims.size(); d++) {
            Integer pin = pins.get(dims.get(d));
            lo[d] = pin == null ? 0 : pin;
            hi[d] = pin == null ? height[d] - 1 : pin;
            size *= hi[d] - lo[d] + 1;
        }
        if (size > MAX_LATTICE) {
            throw new IllegalArgumentException("the generalization lattice has " + size + " nodes, more than "
                    + MAX_LATTICE + "; pin the levels of some dimensions (" + String.join(", ", dims) + ")");
        }
        Data data = load(work, view, quasi, scenario);
        Evaluator eval = new Evaluator(data, quasi, dims.size(), k, profile(work, quasi));
        Lattice lattice = new Lattice(lo, hi);
        Map<Long, Generalisation.Node> candidates = new LinkedHashMap<>();
        boolean exhaustive = size <= FULL_ENUMERATION_LIMIT;
        long evaluated = exhaustive ? lattice.enumerate(eval, candidates) : lattice.flash(eval, candidates);
        LossMetric metric = work.metric();
        List<Generalisation.Node> ranked = new ArrayList<>(candidates.values());
        ranked.sort((a, b) -> {
            int c = Double.compare(metric.of(a), metric.of(b));
            if (c != 0) {
                return c;
            }
            int ha = a.levels().values().stream().mapToInt(Integer::intValue).sum();
            int hb = b.levels().values().stream().mapToInt(Integer::intValue).sum();
            return ha != hb
                    ? Integer.compare(ha, hb)
                    : a.levels().toString().compareTo(b.levels().toString());
        });
        Map<String, List<String>> dimensions = new LinkedHashMap<>();
        for (int d = 0; d < dims.size(); d++) {
            List<String> names = new ArrayList<>();
            for (int l = 0; l < height[d]; l++) {
                names.add(levelName(quasi, d, l));
            }
            dimensions.put(dims.get(d), names);
        }
        if (ranked.isEmpty()) {
            // no node meets the outlier limit: the top of the lattice, and local suppression decides
            int[] top = hi.clone();
            ranked.add(eval.cost(top, eval.outliers(top), lattice.names(eval)));
            work.note(String.format(
                    Locale.ROOT,
                    "no generalization in the lattice (%d nodes, %s) leaves fewer than %d%% of cases in classes below "
                            + "k = %d: the top of every hierarchy is taken and local suppression treats the rest",
                    size,
                    scenario.words(),
                    OUTLIER_LIMIT_PERCENT,
                    k));
        }
        Generalisation.Node best = ranked.get(0);
        work.generalisation(new Generalisation(
                scenario.words(),
                metric,
                dimensions,
                pins,
                size,
                evaluated,
                exhaustive,
                best,
                ranked.size() > 1 ? ranked.get(1) : null));
        double maxLoss = work.thresholds().maxLoss();
        if (best.loss() > maxLoss) {
            throw new ReleaseRefusedException(String.format(
                    Locale.ROOT,
                    "the least information loss at k = %d is Loss %.2f (%s), above the limit %.2f: "
                            + "public microdata would say too little",
                    k,
                    best.loss(),
                    scenario.words(),
                    maxLoss));
        }
        for (Quasi q : quasi) {
            if (q.hierarchy == null) {
                continue;
            }
            int level = Math.min(best.levels().get(dims.get(q.dimension)), q.height() - 1);
            if (level == 0) {
                work.generalised(q.variable);
                continue;
            }
            generalise(work, q.variable, q.hierarchy, level, getClass().getSimpleName());
        }
    }

    /** Replaces a variable's value by its group at a level of its hierarchy (the top: suppressed). */
    static void generalise(ReleaseWork work, PlannedVariable v, Hierarchy h, int level, String rule) {
        String value = v.value();
        String sql;
        java.util.SortedMap<Long, String> labels;
        PlannedVariable out;
        if (level == h.height() - 1) {
            sql = "CASE WHEN (" + value + ") IS NULL THEN NULL WHEN CAST(" + value + " AS BIGINT) = "
                    + MissingCode.NOT_APPLICABLE.code() + " THEN " + MissingCode.NOT_APPLICABLE.code() + " ELSE "
                    + ReleaseWork.SUPPRESSED + " END";
            labels = new java.util.TreeMap<>();
            out = v.withKind(VariableKind.INTEGER, sql).withValueLabels(labels).withMissingCode(ReleaseWork.SUPPRESSED);
            work.treat(
                    v.form(),
                    v.name(),
                    rule,
                    "suppressed entirely (top of its hierarchy), unknown and not-recorded codes with it",
                    0);
        } else {
            Hierarchy.Level l = h.levels().get(level - 1);
            sql = groupSql(value, l);
            labels = l.codeLabels();
            out = v.withKind(VariableKind.INTEGER, sql).withValueLabels(labels).withMissingCode(ReleaseWork.SUPPRESSED);
            work.treat(v.form(), v.name(), rule, "generalized: " + l.name(), 0);
        }
        work.replace(v, out);
        work.generalised(out);
        for (PlannedVariable copy : work.copiesOf(v)) {
            work.replace(
                    copy,
                    copy.withKind(VariableKind.INTEGER, sql)
                            .withValueLabels(labels)
                            .withMissingCode(ReleaseWork.SUPPRESSED));
        }
    }

    /** SQL of a level's group: missing codes kept, a valid value outside every group suppressed. */
    static String groupSql(String value, Hierarchy.Level l) {
        StringBuilder b = new StringBuilder("CASE WHEN (" + value + ") IS NULL THEN NULL");
        b.append(" WHEN CAST(").append(value).append(" AS VARCHAR) IN (");
        List<String> codes = new ArrayList<>();
        for (MissingCode m : MissingCode.values()) {
            codes.add("'" + m.code() + "'");
            codes.add("'" + m.code() + ".0'");
        }
        b.append(String.join(", ", codes)).append(") THEN CAST(").append(value).append(" AS BIGINT)");
        if (!l.bands().isEmpty()) {
            List<Double> bands = l.bands();
            for (int i = bands.size() - 1; i >= 0; i--) {
                b.append(" WHEN CAST(")
                        .append(value)
                        .append(" AS DOUBLE) >= ")
                        .append(bands.get(i))
                        .append(" THEN ")
                        .append((long) Math.floor(bands.get(i)));
            }
        } else {
            l.groups().forEach((code, members) -> {
                b.append(" WHEN CAST(").append(value).append(" AS VARCHAR) IN (");
                List<String> lits = new ArrayList<>();
                for (String m : members) {
                    lits.add(ReleaseWork.literal(m));
                }
                b.append(String.join(", ", lits)).append(") THEN ").append(code);
            });
        }
        b.append(" ELSE ").append(ReleaseWork.SUPPRESSED).append(" END");
        return b.toString();
    }

    private static String levelName(List<Quasi> quasi, int d, int level) {
        List<String> names = new ArrayList<>();
        for (Quasi q : quasi) {
            if (q.dimension == d) {
                String n = q.hierarchy.levelName(Math.min(level, q.height() - 1));
                if (!names.contains(n)) {
                    names.add(n);
                }
            }
        }
        return String.join(" / ", names);
    }

    private static Map<String, Integer> resolvePins(
            Map<String, Integer> pins, List<String> dims, Map<String, Integer> heights, List<Quasi> quasi) {
        Map<String, Integer> out = new LinkedHashMap<>();
        pins.forEach((name, level) -> {
            String dim = name;
            if (!dims.contains(name)) {
                dim = quasi.stream()
                        .filter(q -> q.hierarchy != null
                                && (q.variable.qualifiedName().equals(name)
                                        || q.variable.name().equals(name)))
                        .map(q -> dims.get(q.dimension))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("cannot pin " + name
                                + ": it is neither a dimension (" + String.join(", ", dims)
                                + ") nor a generalized quasi-identifier of this release"));
            }
            int top = heights.get(dim) - 1;
            if (level < 0 || level > top) {
                throw new IllegalArgumentException(
                        "cannot pin " + name + " at level " + level + ": its levels are 0 to " + top);
            }
            out.put(dim, level);
        });
        return out;
    }

    // ---- the data

    /** The rows of the scenario's views, by case: per view, rows of value indexes per quasi-identifier. */
    private static final class Data {
        int cases;
        final List<int[][]> views = new ArrayList<>(); // view -> row -> [case, value per quasi (ABSENT if not in view)]
        int[] group; // case -> group (task force) index, -1 none
        int groups;
    }

    private static Data load(ReleaseWork work, JoinedView view, List<Quasi> quasi, Scenario scenario)
            throws SQLException {
        Data data = new Data();
        String unit = view.unit();
        Form unitForm = work.instrument().form(unit);
        String key = JoinedView.parentKey(work.instrument(), unit);
        // the case records
        Map<String, Integer> caseIndex = new HashMap<>();
        List<Integer> caseGroup = new ArrayList<>();
        Map<String, Integer> groupIndex = new HashMap<>();
        String link = unitForm.parentLink().map(l -> quote(l.name())).orElse("NULL");
        List<Quasi> unitQuasi =
                quasi.stream().filter(q -> q.variable.form().equals(unit)).toList();
        List<int[]> caseValues = new ArrayList<>();
        List<String> select =
                new ArrayList<>(List.of("CAST(s." + quote(key) + " AS VARCHAR)", "CAST(s." + link + " AS VARCHAR)"));
        unitQuasi.forEach(q -> select.add("CAST(" + q.variable.value() + " AS VARCHAR)"));
        for (String[] r : work.rows(
                "SELECT " + String.join(", ", select) + " FROM " + work.fromWithParent(unit) + " ORDER BY s._rid")) {
            caseIndex.put(r[0], caseIndex.size());
            caseGroup.add(r[1] == null ? -1 : groupIndex.computeIfAbsent(r[1], g -> groupIndex.size()));
            int[] vals = new int[unitQuasi.size()];
            for (int i = 0; i < vals.length; i++) {
                vals[i] = unitQuasi.get(i).index(normalise(r[i + 2]));
            }
            caseValues.add(vals);
        }
        data.cases = caseIndex.size();
        data.group = caseGroup.stream().mapToInt(Integer::intValue).toArray();
        data.groups = groupIndex.size();
        // the child records (victims, suspects), grouped by case
        List<String> children = new ArrayList<>();
        Map<String, List<List<int[]>>> byCase = new LinkedHashMap<>();
        for (Form c : work.instrument().childrenOf(unitForm)) {
            List<Quasi> cq = quasi.stream()
                    .filter(q -> q.variable.form().equals(c.name()))
                    .toList();
            if (cq.isEmpty()) {
                continue;
            }
            children.add(c.name());
            List<List<int[]>> per = new ArrayList<>();
            for (int i = 0; i < data.cases; i++) {
                per.add(new ArrayList<>());
            }
            List<String> sel = new ArrayList<>(
                    List.of("CAST(s." + quote(c.parentLink().orElseThrow().name()) + " AS VARCHAR)"));
            cq.forEach(q -> sel.add("CAST(" + q.variable.value() + " AS VARCHAR)"));
            for (String[] r : work.rows("SELECT " + String.join(", ", sel) + " FROM " + work.fromWithParent(c.name())
                    + " ORDER BY s._rid")) {
                Integer ci = caseIndex.get(r[0]);
                if (ci == null) {
                    continue;
                }
                int[] vals = new int[cq.size()];
                for (int i = 0; i < vals.length; i++) {
                    vals[i] = cq.get(i).index(normalise(r[i + 1]));
                }
                per.get(ci).add(vals);
            }
            byCase.put(c.name(), per);
        }
        // records per quasi-identifier, for the metrics
        for (Quasi q : quasi) {
            List<int[]> recs = new ArrayList<>(); // [value, case]
            if (q.variable.form().equals(unit)) {
                int qi = unitQuasi.indexOf(q);
                for (int c = 0; c < data.cases; c++) {
                    recs.add(new int[] {caseValues.get(c)[qi], c});
                }
            } else {
                List<Quasi> cq = quasi.stream()
                        .filter(x -> x.variable.form().equals(q.variable.form()))
                        .toList();
                int qi = cq.indexOf(q);
                List<List<int[]>> per = byCase.get(q.variable.form());
                for (int c = 0; c < data.cases; c++) {
                    for (int[] vals : per.get(c)) {
                        recs.add(new int[] {vals[qi], c});
                    }
                }
            }
            q.recordValue = recs.stream().mapToInt(a -> a[0]).toArray();
            q.recordCase = recs.stream().mapToInt(a -> a[1]).toArray();
        }
        // the views
        List<List<String>> views = new ArrayList<>();
        if (scenario == Scenario.SEPARATE && children.size() > 1) {
            children.forEach(c -> views.add(List.of(c)));
        } else {
            views.add(children);
        }
        for (List<String> in : views) {
            List<int[]> rows = new ArrayList<>();
            for (int c = 0; c < data.cases; c++) {
                List<int[]> partial = new ArrayList<>();
                int[] base = new int[quasi.size() + 1];
                Arrays.fill(base, ABSENT);
                base[0] = c;
                for (int i = 0; i < unitQuasi.size(); i++) {
                    base[quasi.indexOf(unitQuasi.get(i)) + 1] = caseValues.get(c)[i];
                }
                partial.add(base);
                for (String child : in) {
                    List<Quasi> cq = quasi.stream()
                            .filter(x -> x.variable.form().equals(child))
                            .toList();
                    List<int[]> recs = byCase.get(child).get(c);
                    if (recs.isEmpty()) {
                        continue;
                    }
                    List<int[]> next = new ArrayList<>();
                    for (int[] p : partial) {
                        for (int[] vals : recs) {
                            int[] row = p.clone();
                            for (int i = 0; i < cq.size(); i++) {
                                row[quasi.indexOf(cq.get(i)) + 1] = vals[i];
                            }
                            next.add(row);
                        }
                    }
                    partial = next;
                }
                rows.addAll(partial);
            }
            data.views.add(rows.toArray(new int[0][]));
        }
        // the class codes per level
        for (Quasi q : quasi) {
            int n = q.values.size();
            q.codes = new int[q.height()][n];
            for (int l = 0; l < q.height(); l++) {
                Map<Long, Integer> groupCodes = new HashMap<>();
                for (int v = 0; v < n; v++) {
                    if (l == q.height() - 1 && (q.valid.get(v) || hidesAtTop(q.values.get(v)))) {
                        q.codes[l][v] = TOP;
                    } else if (!q.valid.get(v) || l == 0) {
                        q.codes[l][v] = v;
                    } else {
                        Optional<Long> g = q.hierarchy.levels().get(l - 1).groupOf(q.values.get(v));
                        q.codes[l][v] =
                                g.isEmpty() ? TOP : n + groupCodes.computeIfAbsent(g.get(), x -> groupCodes.size());
                    }
                }
            }
        }
        return data;
    }

    /** A number written without a useless decimal part, so 5 and 5.0 are one value. */
    private static String normalise(String s) {
        if (s != null && s.endsWith(".0")) {
            return s.substring(0, s.length() - 2);
        }
        return s;
    }

    /**
     * Whether a missing code is suppressed with the values at the top of a hierarchy: unknown and not
     * recorded say something of the record (their pattern across variables can single a case out);
     * not applicable follows from released skip logic and stays.
     */
    static boolean hidesAtTop(String value) {
        return value != null && !value.equals(Integer.toString(MissingCode.NOT_APPLICABLE.code())) && isMissing(value);
    }

    private static boolean isMissing(String s) {
        try {
            return MissingCode.ofCode(Integer.parseInt(s)).isPresent();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The quasi-identifiers that make the task-force profile, and how many task forces each profile needs. */
    private record Profile(List<Integer> quasi, int minGroups) {}

    private static Profile profile(ReleaseWork work, List<Quasi> quasi) {
        Optional<GroupProfile> p = work.instrument().disclosureModel().profile();
        if (p.isEmpty() || work.level() != org.tfeval.instrument.ReleaseLevel.PUBLIC) {
            return null;
        }
        List<Integer> idx = new ArrayList<>();
        for (GroupProfile.Attribute a : p.get().attributes()) {
            for (int i = 0; i < quasi.size(); i++) {
                if (quasi.get(i).variable.form().equals(work.view().unit())
                        && quasi.get(i).variable.name().equals(a.name())) {
                    idx.add(i);
                }
            }
        }
        return idx.isEmpty() ? null : new Profile(idx, p.get().minGroups());
    }

    // ---- counting a node

    private static final class Evaluator {
        final Data data;
        final List<Quasi> quasi;
        final int dims;
        final int k;
        final Profile profile;
        long evaluations;

        Evaluator(Data data, List<Quasi> quasi, int dims, int k, Profile profile) {
            this.data = data;
            this.quasi = quasi;
            this.dims = dims;
            this.k = k;
            this.profile = profile;
        }

        int level(Quasi q, int[] node) {
            return q.dimension < 0 ? 0 : Math.min(node[q.dimension], q.height() - 1);
        }

        /** The cases in classes below k (in any view), or null when the node is not acceptable. */
        boolean[] outliers(int[] node) {
            evaluations++;
            boolean[] out = new boolean[data.cases];
            int[] lv = new int[quasi.size()];
            for (int i = 0; i < lv.length; i++) {
                lv[i] = level(quasi.get(i), node);
            }
            for (int[][] rows : data.views) {
                long[] keys = new long[rows.length];
                Map<Long, int[]> classes = new HashMap<>();
                for (int r = 0; r < rows.length; r++) {
                    long h = 0x9E3779B97F4A7C15L;
                    for (int i = 0; i < lv.length; i++) {
                        int v = rows[r][i + 1];
                        int code = v == ABSENT ? ABSENT : quasi.get(i).codes[lv[i]][v];
                        h = mix(h ^ code);
                    }
                    keys[r] = h;
                    int[] c = classes.computeIfAbsent(h, x -> new int[] {0, -1});
                    if (c[1] != rows[r][0]) {
                        c[0]++;
                        c[1] = rows[r][0];
                    }
                }
                for (int r = 0; r < rows.length; r++) {
                    if (classes.get(keys[r])[0] < k) {
                        out[rows[r][0]] = true;
                    }
                }
            }
            return out;
        }

        boolean acceptable(int[] node, boolean[] outliers) {
            int n = 0;
            for (boolean b : outliers) {
                n += b ? 1 : 0;
            }
            if (n > OUTLIER_LIMIT * data.cases) {
                return false;
            }
            if (profile == null) {
                return true;
            }
            // over every case, outliers too: local suppression only merges profiles (a -6 matches more task forces)
            Map<Long, Set<Integer>> cover = new HashMap<>();
            for (int c = 0; c < data.cases; c++) {
                if (data.group[c] < 0) {
                    continue;
                }
                long h = 17;
                for (int qi : profile.quasi()) {
                    Quasi q = quasi.get(qi);
                    h = mix(h ^ q.codes[level(q, node)][q.recordValue[c]]);
                }
                cover.computeIfAbsent(h, x -> new HashSet<>()).add(data.group[c]);
            }
            return cover.values().stream().allMatch(s -> s.size() >= profile.minGroups());
        }

        Generalisation.Node cost(int[] node, boolean[] outliers, List<String> dimNames) {
            double loss = 0;
            double entropy = 0;
            long cells = 0;
            Map<String, String> names = new LinkedHashMap<>();
            for (Quasi q : quasi) {
                int l = level(q, node);
                if (q.hierarchy != null) {
                    names.put(q.variable.qualifiedName(), q.hierarchy.levelName(l));
                }
                int n = q.values.size();
                int domain = 0;
                for (int v = 0; v < n; v++) {
                    domain += q.valid.get(v) ? 1 : 0;
                }
                Map<Integer, Integer> groupSize = new HashMap<>();
                for (int v = 0; v < n; v++) {
                    if (q.valid.get(v)) {
                        groupSize.merge(q.codes[l][v], 1, Integer::sum);
                    }
                }
                long[] freq = new long[n];
                Map<Integer, Long> groupFreq = new HashMap<>();
                long validRecords = 0;
                for (int r = 0; r < q.recordValue.length; r++) {
                    int v = q.recordValue[r];
                    if (q.valid.get(v)) {
                        freq[v]++;
                        groupFreq.merge(q.codes[l][v], 1L, Long::sum);
                        validRecords++;
                    }
                }
                for (int r = 0; r < q.recordValue.length; r++) {
                    int v = q.recordValue[r];
                    if (!q.valid.get(v)) {
                        continue;
                    }
                    cells++;
                    boolean suppressed = outliers[q.recordCase[r]] || q.codes[l][v] == TOP;
                    if (suppressed) {
                        loss += 1;
                        entropy += -log2((double) freq[v] / validRecords);
                    } else {
                        loss += domain <= 1 ? 0 : (groupSize.get(q.codes[l][v]) - 1) / (double) (domain - 1);
                        entropy += -log2((double) freq[v] / groupFreq.get(q.codes[l][v]));
                    }
                }
            }
            double dm = 0;
            int outlierCases = 0;
            for (boolean b : outliers) {
                outlierCases += b ? 1 : 0;
            }
            int[] lv = new int[quasi.size()];
            for (int i = 0; i < lv.length; i++) {
                lv[i] = level(quasi.get(i), node);
            }
            for (int[][] rows : data.views) {
                Map<Long, Long> sizes = new HashMap<>();
                long suppressedRows = 0;
                for (int[] row : rows) {
                    if (outliers[row[0]]) {
                        suppressedRows++;
                        continue;
                    }
                    long h = 0x9E3779B97F4A7C15L;
                    for (int i = 0; i < lv.length; i++) {
                        int v = row[i + 1];
                        h = mix(h ^ (v == ABSENT ? ABSENT : quasi.get(i).codes[lv[i]][v]));
                    }
                    sizes.merge(h, 1L, Long::sum);
                }
                for (long s : sizes.values()) {
                    dm += (double) s * s;
                }
                dm += (double) suppressedRows * rows.length;
            }
            Map<String, Integer> levels = new LinkedHashMap<>();
            for (int d = 0; d < node.length; d++) {
                levels.put(dimNames.get(d), node[d]);
            }
            return new Generalisation.Node(
                    levels,
                    names,
                    cells == 0 ? 0 : loss / cells,
                    entropy,
                    dm,
                    data.cases == 0 ? 0 : (double) outlierCases / data.cases);
        }
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    // ---- the lattice

    private final class Lattice {
        final int[] lo;
        final int[] hi;
        final int[] radix;
        final long size;
        List<String> dimNames;

        Lattice(int[] lo, int[] hi) {
            this.lo = lo;
            this.hi = hi;
            this.radix = new int[lo.length];
            long s = 1;
            for (int d = 0; d < lo.length; d++) {
                radix[d] = hi[d] - lo[d] + 1;
                s *= radix[d];
            }
            this.size = s;
        }

        int[] node(long index) {
            int[] n = new int[lo.length];
            for (int d = 0; d < lo.length; d++) {
                n[d] = lo[d] + (int) (index % radix[d]);
                index /= radix[d];
            }
            return n;
        }

        long index(int[] node) {
            long i = 0;
            for (int d = lo.length - 1; d >= 0; d--) {
                i = i * radix[d] + (node[d] - lo[d]);
            }
            return i;
        }

        long enumerate(Evaluator eval, Map<Long, Generalisation.Node> out) {
            for (long i = 0; i < size; i++) {
                int[] n = node(i);
                boolean[] o = eval.outliers(n);
                if (eval.acceptable(n, o)) {
                    out.put(i, eval.cost(n, o, names(eval)));
                }
            }
            return eval.evaluations;
        }

        List<String> names(Evaluator eval) {
            if (dimNames == null) {
                dimNames = new ArrayList<>();
                for (int d = 0; d < lo.length; d++) {
                    String name = null;
                    for (Quasi q : eval.quasi) {
                        if (q.dimension == d) {
                            name = q.hierarchy.dimension();
                        }
                    }
                    dimNames.add(name);
                }
            }
            return dimNames;
        }

        /** ARX Flash: greedy paths upward from the lowest untagged nodes, binary search, predictive tagging. */
        long flash(Evaluator eval, Map<Long, Generalisation.Node> out) {
            byte[] tag = new byte[(int) size]; // 0 unknown, 1 anonymous, 2 not anonymous
            int levels = 0;
            for (int r : radix) {
                levels += r - 1;
            }
            // the nodes in order of height (counting sort)
            int[] start = new int[levels + 2];
            for (long i = 0; i < size; i++) {
                start[height(i) + 1]++;
            }
            for (int h = 1; h < start.length; h++) {
                start[h] += start[h - 1];
            }
            int[] order = new int[(int) size];
            int[] fill = start.clone();
            for (long i = 0; i < size; i++) {
                order[fill[height(i)]++] = (int) i;
            }
            for (int pos = 0; pos < order.length; pos++) {
                long i = order[pos];
                {
                    if (tag[(int) i] != 0) {
                        continue;
                    }
                    List<int[]> path = path(node(i), tag);
                    int a = 0;
                    int b = path.size() - 1;
                    while (a <= b) {
                        int mid = (a + b) >>> 1;
                        int[] n = path.get(mid);
                        long idx = index(n);
                        if (tag[(int) idx] != 0) {
                            if (tag[(int) idx] == 1) {
                                b = mid - 1;
                            } else {
                                a = mid + 1;
                            }
                            continue;
                        }
                        boolean[] o = eval.outliers(n);
                        if (eval.acceptable(n, o)) {
                            out.put(idx, eval.cost(n, o, names(eval)));
                            tagUp(n, tag);
                            b = mid - 1;
                        } else {
                            tagDown(n, tag);
                            a = mid + 1;
                        }
                    }
                }
            }
            return eval.evaluations;
        }

        int height(long index) {
            int h = 0;
            for (int d = 0; d < lo.length; d++) {
                h += (int) (index % radix[d]);
                index /= radix[d];
            }
            return h;
        }

        /** From a node upward, each step raising the dimension furthest below its top, through untagged nodes. */
        List<int[]> path(int[] start, byte[] tag) {
            List<int[]> path = new ArrayList<>();
            int[] n = start.clone();
            path.add(n.clone());
            while (true) {
                int best = -1;
                double room = -1;
                for (int d = 0; d < n.length; d++) {
                    if (n[d] < hi[d]) {
                        n[d]++;
                        boolean free = tag[(int) index(n)] == 0;
                        n[d]--;
                        double r = (hi[d] - n[d]) / (double) radix[d];
                        if (free && r > room) {
                            room = r;
                            best = d;
                        }
                    }
                }
                if (best < 0) {
                    return path;
                }
                n[best]++;
                path.add(n.clone());
            }
        }

        /** The node and every generalization of it are anonymous (its own status is set by the caller's count). */
        void tagUp(int[] start, byte[] tag) {
            java.util.ArrayDeque<int[]> todo = new java.util.ArrayDeque<>();
            tag[(int) index(start)] = 1;
            todo.add(start);
            while (!todo.isEmpty()) {
                int[] n = todo.poll();
                for (int d = 0; d < n.length; d++) {
                    if (n[d] < hi[d]) {
                        int[] m = n.clone();
                        m[d]++;
                        int idx = (int) index(m);
                        if (tag[idx] == 0) {
                            tag[idx] = 1;
                            todo.add(m);
                        }
                    }
                }
            }
        }

        void tagDown(int[] start, byte[] tag) {
            java.util.ArrayDeque<int[]> todo = new java.util.ArrayDeque<>();
            tag[(int) index(start)] = 2;
            todo.add(start);
            while (!todo.isEmpty()) {
                int[] n = todo.poll();
                for (int d = 0; d < n.length; d++) {
                    if (n[d] > lo[d]) {
                        int[] m = n.clone();
                        m[d]--;
                        int idx = (int) index(m);
                        if (tag[idx] == 0) {
                            tag[idx] = 2;
                            todo.add(m);
                        }
                    }
                }
            }
        }
    }
}
