package org.tfeval.release.disclosure;

import static org.tfeval.instrument.sql.SqlIdentifier.quote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.tfeval.instrument.DisclosureRole;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.MissingCode;
import org.tfeval.instrument.ReleaseLevel;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.VariableType;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.RowCursor;
import org.tfeval.release.dataset.RowSource;
import org.tfeval.release.dataset.VariableKind;
import org.tfeval.release.dataset.VariableSpec;
import org.tfeval.snapshot.Snapshot;

/**
 * A release being built: the plan of released variables per dataset, and the working tables in a
 * DuckDB database under a private folder. Rules change the plan first ({@link #variables}, {@link
 * #replace}, ...); the first rule that needs rows {@linkplain #materialise() materialises} the working
 * tables {@code rel_<form>} from the snapshot's Parquet files; later rules change those rows. Nothing
 * here logs or throws a value of a record.
 *
 * <p>Not thread-safe; close it to release the database.
 */
public final class ReleaseWork implements AutoCloseable {
    /** The reserved code release rules write for a suppressed value. */
    public static final int SUPPRESSED = MissingCode.SUPPRESSED.code();
    /** Bytes of the pseudonymisation key. */
    public static final int KEY_BYTES = 32;
    /** Bytes of the HMAC kept as a pseudonym: 64 bits, 16 hex digits; collisions are checked. */
    static final int PSEUDONYM_BYTES = 8;
    /** DuckDB's working memory; beyond it, it spills to the private folder. */
    static final String MEMORY_LIMIT = "1GB";
    /** DuckDB threads: the machines this runs on are shared. */
    static final int THREADS = 2;

    private static final String HMAC = "HmacSHA256";

    private final Snapshot snapshot;
    private final Instrument instrument;
    private final ReleaseLevel level;
    private final Thresholds thresholds;
    private final byte[] key;
    private final Connection duck;
    private final Path dir;
    private final ProgressListener progress;
    private final Map<String, List<PlannedVariable>> plan = new LinkedHashMap<>();
    private final Set<String> pseudonymised = new LinkedHashSet<>();
    private final JoinedView view;
    private boolean materialised;
    // the report
    private String policy = "";
    private final List<String> rules = new ArrayList<>();
    private final List<Treatment> treatments = new ArrayList<>();
    private final List<RiskProfile> risk = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private List<String> suppressionOrder = List.of();
    private long suppressedQuasi;
    private long suppressedSensitive;
    private long removedCases;
    private long collapsedCategories;
    private long recodedValues;
    // generalization and scenario
    private org.tfeval.instrument.disclosure.Scenario scenario;
    private Map<String, Integer> pins = Map.of();
    private LossMetric metric = LossMetric.LOSS;
    private Generalisation generalisation;
    private final Set<String> generalised = new LinkedHashSet<>();
    private final Set<String> withheld = new LinkedHashSet<>();

    private ReleaseWork(
            Snapshot snapshot,
            Instrument instrument,
            ReleaseLevel level,
            Thresholds thresholds,
            byte[] key,
            Connection duck,
            Path dir,
            ProgressListener progress) {
        this.dir = dir;
        this.snapshot = snapshot;
        this.instrument = instrument;
        this.level = level;
        this.thresholds = thresholds;
        this.key = key.clone();
        this.duck = duck;
        this.progress = progress;
        this.view = JoinedView.of(instrument);
        this.scenario = instrument.disclosureModel().scenarioAt(level);
    }

    /**
     * Sets how the lattice search works: the scenario (null: the instrument's for the level), levels
     * the analyst pins (dimension or {@code form.VARIABLE} to level) and the metric the choice minimises.
     */
    public ReleaseWork search(
            org.tfeval.instrument.disclosure.Scenario scenario, Map<String, Integer> pins, LossMetric metric) {
        if (scenario != null) {
            this.scenario = scenario;
        }
        this.pins = Map.copyOf(pins);
        this.metric = java.util.Objects.requireNonNull(metric, "metric");
        return this;
    }

    public org.tfeval.instrument.disclosure.Scenario scenario() {
        return scenario;
    }

    Map<String, Integer> pins() {
        return pins;
    }

    LossMetric metric() {
        return metric;
    }

    void generalisation(Generalisation g) {
        this.generalisation = g;
    }

    /** What the lattice search chose, if it ran. */
    public Optional<Generalisation> generalisation() {
        return Optional.ofNullable(generalisation);
    }

    /** Marks a variable as set by the lattice search: banding, top coding and collapsing leave it alone. */
    void generalised(PlannedVariable v) {
        generalised.add(v.qualifiedName());
    }

    boolean isGeneralised(PlannedVariable v) {
        return generalised.contains(v.qualifiedName());
    }

    /** Withholds a form's file from the package (its rows are still built, for the views). */
    void withhold(String form, String rule, String why) {
        requireForm(form);
        withheld.add(form);
        treat(form, "(all)", rule, why, 0);
    }

    boolean isWithheld(String form) {
        return withheld.contains(form);
    }

    /** {@code src_<form> s} with its parent record joined as {@code p}, for queries of planned values. */
    String fromWithParent(String form) {
        return src(form) + " s" + parentJoin(form);
    }

    /** The rows of a query as text (nulls as null). */
    List<String[]> rows(String sql) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement st = duck.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] r = new String[n];
                for (int i = 0; i < n; i++) {
                    r[i] = rs.getString(i + 1);
                }
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Opens the work on a snapshot.
     *
     * @param extraQuasiIdentifiers variables to treat as quasi-identifiers beyond those the instrument
     *     declares, as {@code VARIABLE} (every form that has it) or {@code form.VARIABLE}
     * @param key the pseudonymisation key, {@value #KEY_BYTES} bytes
     * @param dir an empty private folder for the working database
     * @throws IllegalArgumentException for a bad level, key or quasi-identifier
     */
    public static ReleaseWork open(
            Snapshot snapshot,
            ReleaseLevel level,
            Thresholds thresholds,
            Collection<String> extraQuasiIdentifiers,
            byte[] key,
            Path dir,
            ProgressListener progress)
            throws SQLException, IOException {
        if (level == ReleaseLevel.DROP) {
            throw new IllegalArgumentException(
                    "a release is restricted or public, not " + level.name().toLowerCase(Locale.ROOT));
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                    "the pseudonymisation key must have " + KEY_BYTES + " bytes, not " + key.length);
        }
        Instrument instrument = snapshot.instrument();
        Set<String> extra = resolveQuasi(instrument, extraQuasiIdentifiers);
        Files.createDirectories(dir.resolve("spill"));
        Connection duck = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("release.duckdb"));
        try {
            try (Statement st = duck.createStatement()) {
                st.execute("SET threads TO " + THREADS);
                st.execute("SET memory_limit = '" + MEMORY_LIMIT + "'");
                st.execute(
                        "SET temp_directory = " + literal(dir.resolve("spill").toString()));
                st.execute("SET preserve_insertion_order = true");
                for (Form f : instrument.forms()) {
                    st.execute("CREATE VIEW " + src(f.name())
                            + " AS SELECT row_number() OVER () AS _rid, * FROM read_parquet("
                            + literal(snapshot.dataset(f.name()).toString()) + ") p"
                            + ArchivingConsent.where(
                                    instrument,
                                    f,
                                    "p",
                                    form -> literal(snapshot.dataset(form).toString())));
                }
            }
            ReleaseWork work = new ReleaseWork(snapshot, instrument, level, thresholds, key, duck, dir, progress);
            work.initialPlan(extra);
            return work;
        } catch (SQLException | RuntimeException e) {
            duck.close();
            throw e;
        }
    }

    /** Checks the extra quasi-identifiers against the instrument; returns them as {@code form.VARIABLE}. */
    private static Set<String> resolveQuasi(Instrument instrument, Collection<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : names) {
            List<Variable> found = new ArrayList<>();
            List<String> qualified = new ArrayList<>();
            int dot = name.indexOf('.');
            for (Form f : instrument.forms()) {
                if (dot >= 0 && !f.name().equals(name.substring(0, dot))) {
                    continue;
                }
                f.find(dot >= 0 ? name.substring(dot + 1) : name).ifPresent(v -> {
                    found.add(v);
                    qualified.add(f.name() + "." + v.name());
                });
            }
            if (found.isEmpty()) {
                throw new IllegalArgumentException("quasi-identifier " + name + " is not a variable of the instrument "
                        + instrument.id() + " (write VARIABLE or form.VARIABLE; forms: "
                        + String.join(", ", instrument.formNames()) + ")");
            }
            for (Variable v : found) {
                if (v.type() == VariableType.ID
                        || v.type() == VariableType.TEXT
                        || v.disclosure() == DisclosureRole.DIRECT) {
                    throw new IllegalArgumentException("quasi-identifier " + name + " cannot be one: " + v.name()
                            + (v.type() == VariableType.ID
                                    ? " is an identifier (released as a pseudonym)"
                                    : " is never released"));
                }
            }
            out.addAll(qualified);
        }
        return out;
    }

    private void initialPlan(Set<String> extraQuasi) {
        for (Form f : instrument.forms()) {
            List<PlannedVariable> vars = new ArrayList<>();
            for (Variable v : f.variables()) {
                DisclosureRole role =
                        extraQuasi.contains(f.name() + "." + v.name()) ? DisclosureRole.QUASI : v.disclosure();
                vars.add(new PlannedVariable(
                        f.name(),
                        v.name(),
                        label(v.label()),
                        v.question(),
                        kindOf(v.type()),
                        v.valueLabels().isEmpty() ? new TreeMap<>() : new TreeMap<>(v.valueLabels()),
                        new TreeSet<>(v.missingCodes()),
                        role,
                        v.release(),
                        v.name(),
                        v.inherit(),
                        column("s", v.name()),
                        v.type() == VariableType.DATE ? column("s", v.name() + "__MC") : null));
            }
            plan.put(f.name(), vars);
        }
        extraQuasi.forEach(q ->
                notes.add(q + " is treated as a quasi-identifier by request (the instrument declares it "
                        + instrument
                                .form(q.substring(0, q.indexOf('.')))
                                .variable(q.substring(q.indexOf('.') + 1))
                                .disclosure()
                                .name()
                                .toLowerCase(Locale.ROOT)
                        + ")"));
    }

    private static VariableKind kindOf(VariableType type) {
        return switch (type) {
            case CODE, INTEGER -> VariableKind.INTEGER;
            case DECIMAL -> VariableKind.DECIMAL;
            case DATE -> VariableKind.DATE;
            case ID, STRING, TEXT -> VariableKind.STRING;
        };
    }

    /** Labels are cut to the writers' limit. */
    static String label(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.codePointCount(0, clean.length()) <= VariableSpec.MAX_LABEL_LENGTH
                ? clean
                : clean.substring(0, clean.offsetByCodePoints(0, VariableSpec.MAX_LABEL_LENGTH - 3)) + "...";
    }

    // ---- applying a policy

    /** Applies the policy's rules in order, after measuring the risk of the snapshot as it is. */
    public void apply(DisclosurePolicy p) throws SQLException {
        this.policy = p.title();
        List<DisclosureRule> list = p.rules(thresholds);
        list.forEach(r -> rules.add(r.getClass().getSimpleName()));
        progress.progress("disclosure control", 0, list.size() + 1);
        measure("original", view.quasiIdentifiers(this), "src_");
        int i = 1;
        for (DisclosureRule rule : list) {
            rule.apply(this);
            progress.progress("disclosure control", i++, list.size() + 1);
        }
        materialise();
        if (risk.stream().noneMatch(r -> r.stage().startsWith("released"))) {
            measure("released", view.quasiIdentifiers(this), "rel_");
        }
        for (org.tfeval.instrument.disclosure.Attacker a :
                instrument.disclosureModel().attackersAt(level)) {
            List<JoinedView.Column> known = view.quasiIdentifiers(this).stream()
                    .filter(c -> a.knows().contains(c.qualifiedName()))
                    .toList();
            if (!known.isEmpty()) {
                measure(attackerStage(a.name()), known, "rel_");
            }
        }
    }

    /** The risk stage of an attacker: the released data on the variables their sources give. */
    public static String attackerStage(String attacker) {
        return "attacker " + attacker;
    }

    // ---- the plan, for rules

    public Instrument instrument() {
        return instrument;
    }

    public ReleaseLevel level() {
        return level;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    JoinedView view() {
        return view;
    }

    /** Form names in instrument order (parents first). */
    List<String> forms() {
        return List.copyOf(plan.keySet());
    }

    /** The planned variables of a form, in file order. */
    List<PlannedVariable> variables(String form) {
        return List.copyOf(requireForm(form));
    }

    /** Every planned variable, form by form. */
    List<PlannedVariable> allVariables() {
        List<PlannedVariable> out = new ArrayList<>();
        plan.values().forEach(out::addAll);
        return out;
    }

    Optional<PlannedVariable> find(String form, String name) {
        return requireForm(form).stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** The copies of a variable that other forms repeat through their parent link ({@code inherit}). */
    List<PlannedVariable> copiesOf(PlannedVariable home) {
        List<PlannedVariable> out = new ArrayList<>();
        for (List<PlannedVariable> vars : plan.values()) {
            for (PlannedVariable v : vars) {
                if (v.inherits() != null
                        && v.name().equals(home.name())
                        && !v.form().equals(home.form())) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    void replace(PlannedVariable old, PlannedVariable replacement) {
        requirePlanChange();
        List<PlannedVariable> vars = requireForm(old.form());
        int i = indexOf(vars, old.name());
        vars.set(i, replacement);
    }

    void insertAfter(PlannedVariable anchor, PlannedVariable added) {
        requirePlanChange();
        List<PlannedVariable> vars = requireForm(anchor.form());
        if (vars.stream().anyMatch(v -> v.name().equalsIgnoreCase(added.name()))) {
            throw new IllegalStateException("form " + anchor.form() + " already has a variable " + added.name());
        }
        vars.add(indexOf(vars, anchor.name()) + 1, added);
    }

    void drop(PlannedVariable v, String rule, String why) {
        requirePlanChange();
        List<PlannedVariable> vars = requireForm(v.form());
        vars.remove(indexOf(vars, v.name()));
        treat(v.form(), v.source(), rule, why, 0);
    }

    /** Changes metadata of a variable after materialisation (missing codes, labels); not its value. */
    void updateMetadata(PlannedVariable old, PlannedVariable replacement) {
        if (!old.value().equals(replacement.value())) {
            throw new IllegalStateException(
                    "the value of " + old.qualifiedName() + " cannot change after the rows are built");
        }
        List<PlannedVariable> vars = requireForm(old.form());
        vars.set(indexOf(vars, old.name()), replacement);
    }

    void pseudonymise(String idVariable) {
        requirePlanChange();
        pseudonymised.add(idVariable);
    }

    void treat(String form, String variable, String rule, String description, long values) {
        treatments.add(new Treatment(form, variable, rule, description, values));
    }

    void note(String text) {
        notes.add(text);
    }

    void countRecoded(long values) {
        recodedValues += values;
    }

    void countCollapsed(long categories) {
        collapsedCategories += categories;
    }

    void countSuppressed(long quasi, long sensitive) {
        suppressedQuasi += quasi;
        suppressedSensitive += sensitive;
    }

    void countRemovedCases(long cases) {
        removedCases += cases;
    }

    void suppressionOrder(List<String> order) {
        suppressionOrder = List.copyOf(order);
    }

    private List<PlannedVariable> requireForm(String form) {
        List<PlannedVariable> vars = plan.get(form);
        if (vars == null) {
            throw new IllegalArgumentException("the release has no dataset " + form);
        }
        return vars;
    }

    private static int indexOf(List<PlannedVariable> vars, String name) {
        for (int i = 0; i < vars.size(); i++) {
            if (vars.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new NoSuchElementException("no planned variable " + name);
    }

    private void requirePlanChange() {
        if (materialised) {
            throw new IllegalStateException(
                    "the release plan cannot change once its rows are built; order the rules so");
        }
    }

    /**
     * Counts of the valid values (not a reserved code, not blank) of a planned variable over the
     * snapshot records of its form, before materialisation.
     */
    NavigableMap<Long, Long> distribution(PlannedVariable v) throws SQLException {
        String value = v.value();
        String sql = "SELECT CAST(" + value + " AS BIGINT) AS x, count(*) FROM " + src(v.form()) + " s"
                + parentJoin(v.form()) + " WHERE " + valid(value) + " GROUP BY 1";
        NavigableMap<Long, Long> out = new TreeMap<>();
        try (Statement st = duck.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return out;
    }

    /** SQL: the value is valid (not blank, not a reserved code). */
    static String valid(String sql) {
        return "(" + sql + ") IS NOT NULL AND (" + sql + ") NOT IN (" + MissingCode.sqlList() + ")";
    }

    // ---- the rows

    /** Builds the pseudonym tables and the working tables from the plan (once). */
    public void materialise() throws SQLException {
        if (materialised) {
            return;
        }
        int step = 0;
        int steps = pseudonymised.size() + plan.size();
        for (String id : pseudonymised) {
            progress.progress("pseudonymise", step++, steps);
            buildPseudonyms(id);
        }
        for (Map.Entry<String, List<PlannedVariable>> e : plan.entrySet()) {
            progress.progress("build " + e.getKey(), step++, steps);
            List<String> select = new ArrayList<>();
            select.add("row_number() OVER () AS _rid");
            for (PlannedVariable v : e.getValue()) {
                select.add("CAST(" + v.value() + " AS " + sqlType(v.kind()) + ") AS " + quote(v.name()));
                if (v.kind() == VariableKind.DATE) {
                    select.add("CAST(" + v.missing() + " AS SMALLINT) AS " + quote(v.missingColumn()));
                }
            }
            StringBuilder from = new StringBuilder(src(e.getKey()) + " s" + parentJoin(e.getKey()));
            Form form = instrument.form(e.getKey());
            for (String id : pseudonymised) {
                if (form.find(id).isPresent()) {
                    from.append(" LEFT JOIN ")
                            .append(quote("pn_" + id))
                            .append(" ON ")
                            .append(quote("pn_" + id))
                            .append(".original = s.")
                            .append(quote(id));
                }
            }
            execute("CREATE TABLE " + rel(e.getKey()) + " AS SELECT " + String.join(", ", select) + " FROM " + from);
        }
        progress.progress("pseudonymise", steps, steps);
        materialised = true;
    }

    boolean materialised() {
        return materialised;
    }

    private String parentJoin(String form) {
        Optional<Variable> link = instrument.form(form).parentLink();
        if (link.isEmpty()) {
            return "";
        }
        String parent = link.get().parent();
        return " LEFT JOIN " + src(parent) + " p ON p." + quote(JoinedView.parentKey(instrument, parent)) + " = s."
                + quote(link.get().name());
    }

    private void buildPseudonyms(String id) throws SQLException {
        List<String> sources = new ArrayList<>();
        for (Form f : instrument.forms()) {
            if (f.find(id).isPresent()) {
                sources.add("SELECT " + quote(id) + " AS x FROM " + src(f.name()));
            }
        }
        String table = quote("pn_" + id);
        execute("CREATE TABLE " + table + " (original VARCHAR, pseudonym VARCHAR)");
        Mac mac;
        try {
            mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available in this Java runtime", e);
        }
        byte[] domain = (id + "\u0000").getBytes(StandardCharsets.UTF_8);
        HexFormat hex = HexFormat.of().withUpperCase();
        long n = 0;
        try (Connection reader = ((DuckDBConnection) duck).duplicate();
                Statement st = reader.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT DISTINCT x FROM (" + String.join(" UNION ALL ", sources) + ") WHERE x IS NOT NULL");
                DuckDBAppender appender =
                        ((DuckDBConnection) duck).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "pn_" + id)) {
            while (rs.next()) {
                String original = rs.getString(1);
                mac.update(domain);
                byte[] h = mac.doFinal(original.getBytes(StandardCharsets.UTF_8));
                appender.beginRow();
                appender.append(original);
                appender.append(hex.formatHex(h, 0, PSEUDONYM_BYTES));
                appender.endRow();
                n++;
            }
        }
        long distinct = queryLong("SELECT count(DISTINCT pseudonym) FROM " + table);
        if (distinct != n) {
            throw new IllegalStateException(
                    "two values of " + id + " received the same pseudonym (a 64-bit collision); run the release "
                            + "again, it draws a new key");
        }
    }

    /**
     * The released datasets, in instrument order: described by the plan, rows read once from the
     * working tables into a spool file each, which the writers then read as often as they need.
     */
    public List<ReleasedDataset> datasets() throws SQLException, IOException {
        materialise();
        List<ReleasedDataset> out = new ArrayList<>();
        for (Map.Entry<String, List<PlannedVariable>> e : plan.entrySet()) {
            if (withheld.contains(e.getKey())) {
                continue;
            }
            Form form = instrument.form(e.getKey());
            DatasetSpec spec = spec(form, e.getValue());
            List<String> cols = new ArrayList<>();
            for (PlannedVariable v : e.getValue()) {
                cols.add(quote(v.name()));
                if (v.kind() == VariableKind.DATE) {
                    cols.add(quote(v.missingColumn()));
                }
            }
            List<String> order = new ArrayList<>();
            for (String k : form.key()) {
                if (find(form.name(), k).isPresent()) {
                    order.add(quote(k));
                }
            }
            order.add("_rid");
            String sql = "SELECT " + String.join(", ", cols) + " FROM " + rel(form.name()) + " ORDER BY "
                    + String.join(", ", order);
            progress.progress("spool " + form.name(), 0, 1);
            Spool spool = Spool.write(rows(spec, e.getValue(), sql), spec.size(), dir.resolve(form.name() + ".spool"));
            progress.progress("spool " + form.name(), 1, 1);
            out.add(new ReleasedDataset(form.name(), spec, spool, spool.rows()));
        }
        return out;
    }

    private DatasetSpec spec(Form form, List<PlannedVariable> vars) throws SQLException {
        // string widths and the reserved codes that occur, in one pass
        List<String> probes = new ArrayList<>();
        for (PlannedVariable v : vars) {
            String c = quote(v.name());
            switch (v.kind()) {
                case STRING -> probes.add("coalesce(max(strlen(" + c + ")), 0)");
                case DATE ->
                    probes.add("list(DISTINCT " + quote(v.missingColumn()) + ") FILTER (WHERE "
                            + quote(v.missingColumn()) + " IS NOT NULL)");
                default ->
                    probes.add("list(DISTINCT CAST(" + c + " AS BIGINT)) FILTER (WHERE " + c + " IN ("
                            + MissingCode.sqlList() + "))");
            }
        }
        List<VariableSpec> specs = new ArrayList<>();
        try (Statement st = duck.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + String.join(", ", probes) + " FROM " + rel(form.name()))) {
            rs.next();
            for (int i = 0; i < vars.size(); i++) {
                PlannedVariable v = vars.get(i);
                org.tfeval.release.dataset.VariableType type = switch (v.kind()) {
                    case INTEGER -> org.tfeval.release.dataset.VariableType.integer();
                    case DECIMAL -> org.tfeval.release.dataset.VariableType.decimal(DECIMAL_WIDTH, DECIMAL_DECIMALS);
                    case DATE -> org.tfeval.release.dataset.VariableType.date();
                    case STRING -> org.tfeval.release.dataset.VariableType.string(Math.max(1, rs.getInt(i + 1)));
                };
                VariableSpec s = VariableSpec.of(v.name(), v.label(), type)
                        .withQuestion(v.question().replaceAll("\\p{Cntrl}", " "));
                if (!v.valueLabels().isEmpty()) {
                    s = s.withValueLabels(v.valueLabels());
                }
                if (v.kind() != VariableKind.STRING) {
                    Set<Integer> codes = new TreeSet<>(v.missingCodes());
                    Object seen = rs.getObject(i + 1);
                    if (seen instanceof java.sql.Array array) {
                        for (Object o : (Object[]) array.getArray()) {
                            codes.add(((Number) o).intValue());
                        }
                    }
                    for (int code : codes) {
                        MissingCode mc = MissingCode.ofCode(code).orElseThrow();
                        s = s.withMissing(mc, missingLabel(code, mc));
                    }
                }
                specs.add(s);
            }
        }
        return new DatasetSpec(form.name(), label(form.label()), specs);
    }

    /** Display format of decimals: wide enough for sentence lengths and rates. */
    static final int DECIMAL_WIDTH = 12;

    static final int DECIMAL_DECIMALS = 2;

    private String missingLabel(int code, MissingCode mc) {
        return instrument.missingCode(code).map(instrument::missingLabel).orElse(mc.defaultLabel());
    }

    private RowSource rows(DatasetSpec spec, List<PlannedVariable> vars, String sql) {
        VariableKind[] kinds = vars.stream().map(PlannedVariable::kind).toArray(VariableKind[]::new);
        return () -> {
            Connection c;
            ResultSet rs;
            try {
                c = ((DuckDBConnection) duck).duplicate();
            } catch (SQLException e) {
                throw new IOException("cannot read the released rows of " + spec.name(), e);
            }
            try {
                rs = c.createStatement().executeQuery(sql);
            } catch (SQLException e) {
                try {
                    c.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw new IOException("cannot read the released rows of " + spec.name(), e);
            }
            return new RowCursor() {
                private Boolean ahead;

                @Override
                public boolean hasNext() {
                    if (ahead == null) {
                        try {
                            ahead = rs.next();
                        } catch (SQLException e) {
                            throw new IllegalStateException("cannot read the released rows of " + spec.name(), e);
                        }
                    }
                    return ahead;
                }

                @Override
                public Object[] next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    ahead = null;
                    try {
                        return row(rs, kinds);
                    } catch (SQLException e) {
                        throw new IllegalStateException("cannot read the released rows of " + spec.name(), e);
                    }
                }

                @Override
                public void close() throws IOException {
                    try {
                        c.close();
                    } catch (SQLException e) {
                        throw new IOException("cannot close the rows of " + spec.name(), e);
                    }
                }
            };
        };
    }

    private static Object[] row(ResultSet rs, VariableKind[] kinds) throws SQLException {
        Object[] row = new Object[kinds.length];
        int col = 1;
        for (int i = 0; i < kinds.length; i++) {
            switch (kinds[i]) {
                case INTEGER -> {
                    long x = rs.getLong(col++);
                    row[i] = rs.wasNull() ? null : x;
                }
                case DECIMAL -> {
                    double x = rs.getDouble(col++);
                    row[i] = rs.wasNull() ? null : x;
                }
                case STRING -> row[i] = rs.getString(col++);
                case DATE -> {
                    LocalDate d = rs.getObject(col++, LocalDate.class);
                    int mc = rs.getInt(col++);
                    row[i] = d != null ? d : rs.wasNull() ? null : (Object) (long) mc;
                }
            }
        }
        return row;
    }

    /** The working table of the joined view over the released rows, built now unless local suppression built it. */
    String joinedView(List<JoinedView.Column> quasi) throws SQLException {
        if (queryLong("SELECT count(*) FROM duckdb_tables() WHERE table_name = " + literal(LocalSuppression.VIEW))
                == 0) {
            execute("CREATE TABLE " + LocalSuppression.VIEW + " AS " + view.select("rel_", quasi));
        }
        return LocalSuppression.VIEW;
    }

    /**
     * Removes records of the unit form (cases), given by a query of their row ids, from the working
     * tables with every record below them (victims, suspects, offenses).
     */
    void removeUnits(String rowIds) throws SQLException {
        execute("CREATE OR REPLACE TEMP TABLE " + quote("gone_" + view.unit()) + " AS SELECT _rid, "
                + quote(JoinedView.parentKey(instrument, view.unit())) + " AS k FROM " + rel(view.unit())
                + " WHERE _rid IN (" + rowIds + ")");
        List<String> gone = new ArrayList<>(List.of(view.unit()));
        for (String form : view.descendants()) {
            Form f = instrument.form(form);
            Variable link = f.parentLink().orElseThrow();
            String key = instrument.childrenOf(f).isEmpty() ? "NULL" : quote(JoinedView.parentKey(instrument, form));
            execute("CREATE OR REPLACE TEMP TABLE " + quote("gone_" + form) + " AS SELECT _rid, " + key + " AS k FROM "
                    + rel(form) + " WHERE " + quote(link.name()) + " IN (SELECT k FROM "
                    + quote("gone_" + link.parent()) + ")");
            gone.add(form);
        }
        for (String form : gone) {
            execute("DELETE FROM " + rel(form) + " WHERE _rid IN (SELECT _rid FROM " + quote("gone_" + form) + ")");
            execute("DROP TABLE " + quote("gone_" + form));
        }
    }

    /** Copies the suppressions of a variable to the copies child forms hold of it ({@code inherit}). */
    void propagate(PlannedVariable home) throws SQLException {
        for (PlannedVariable copy : copiesOf(home)) {
            Form child = instrument.form(copy.form());
            Optional<Variable> link = child.parentLink();
            if (link.isEmpty() || !link.get().parent().equals(home.form())) {
                throw new IllegalStateException(
                        copy.qualifiedName() + " repeats " + home.qualifiedName() + " but not through its parent link");
            }
            String suppressed =
                    home.kind() == VariableKind.STRING ? "'" + SUPPRESSED + "'" : Integer.toString(SUPPRESSED);
            update("UPDATE " + rel(copy.form()) + " SET " + quote(copy.name()) + " = " + suppressed + " WHERE "
                    + quote(link.get().name())
                    + " IN (SELECT " + quote(JoinedView.parentKey(instrument, home.form())) + " FROM "
                    + rel(home.form()) + " WHERE "
                    + quote(home.name()) + " = " + suppressed + ")");
        }
    }

    // ---- risk

    /**
     * Measures the risk on the joined view of the given tables ({@code src_} or {@code rel_}) and adds
     * it to the report.
     */
    RiskProfile measure(String stage, List<JoinedView.Column> quasi, String tables) throws SQLException {
        String table = "risk_view";
        execute("CREATE OR REPLACE TEMP TABLE " + table + " AS " + view.select(tables, quasi));
        RiskProfile p = profile(stage, table, quasi);
        risk.add(p);
        execute("DROP TABLE " + table);
        return p;
    }

    /** The risk profile of a materialised joined view. */
    RiskProfile profile(String stage, String table, List<JoinedView.Column> quasi) throws SQLException {
        int k = thresholds.k();
        String unit = quote(JoinedView.rowId(view.unit()));
        String partition = JoinedView.partition(quasi);
        execute("CREATE OR REPLACE TEMP TABLE risk_classes AS SELECT count(DISTINCT " + unit
                + ") AS n, count(*) AS rows FROM " + table + " GROUP BY " + partition);
        long rows = queryLong("SELECT count(*) FROM " + table);
        long cases = queryLong("SELECT count(DISTINCT " + unit + ") FROM " + table);
        long classes = queryLong("SELECT count(*) FROM risk_classes");
        long smallest = queryLong("SELECT coalesce(min(n), 0) FROM risk_classes");
        long uniques = queryLong("SELECT count(*) FROM risk_classes WHERE n = 1");
        long rowsAtRisk = queryLong("SELECT coalesce(sum(rows), 0) FROM risk_classes WHERE n < " + k);
        execute("CREATE OR REPLACE TEMP TABLE risk_small AS SELECT " + partition + " FROM " + table + " GROUP BY "
                + partition + " HAVING count(DISTINCT " + unit + ") < " + k);
        long casesAtRisk = queryLong(
                "SELECT count(DISTINCT " + unit + ") FROM " + table + " JOIN risk_small USING (" + partition + ")");
        execute("DROP TABLE risk_small");
        List<RiskProfile.SizeBucket> buckets = new ArrayList<>();
        List<long[]> bounds = new ArrayList<>();
        for (long s = 1; s < k; s++) {
            bounds.add(new long[] {s, s});
        }
        bounds.add(new long[] {k, 2L * k - 1});
        bounds.add(new long[] {2L * k, 5L * k - 1});
        bounds.add(new long[] {5L * k, Long.MAX_VALUE});
        for (long[] b : bounds) {
            try (Statement st = duck.createStatement();
                    ResultSet rs =
                            st.executeQuery("SELECT count(*), coalesce(sum(rows), 0) FROM risk_classes WHERE n BETWEEN "
                                    + b[0] + " AND " + b[1])) {
                rs.next();
                buckets.add(new RiskProfile.SizeBucket(b[0], b[1], rs.getLong(1), rs.getLong(2)));
            }
        }
        execute("DROP TABLE risk_classes");
        return new RiskProfile(
                stage,
                quasi.stream().map(JoinedView.Column::qualifiedName).toList(),
                rows,
                cases,
                classes,
                smallest,
                casesAtRisk,
                rowsAtRisk,
                uniques,
                buckets);
    }

    void addRisk(RiskProfile p) {
        risk.add(p);
    }

    // ---- the report

    /** The disclosure report of what has been applied so far, with a closing note (the chosen path). */
    public DisclosureReport report(String closingNote) throws SQLException {
        notes.add(closingNote);
        return report();
    }

    /** The disclosure report of what has been applied so far. */
    public DisclosureReport report() throws SQLException {
        materialise();
        long quasiValues = 0;
        long quasiSuppressed = 0;
        long sensitiveValues = 0;
        for (PlannedVariable v : allVariables()) {
            if (v.inherits() != null || (v.role() != DisclosureRole.QUASI && v.role() != DisclosureRole.SENSITIVE)) {
                continue;
            }
            String c = quote(v.name());
            long n = queryLong("SELECT count(" + c + ") FROM " + rel(v.form()));
            if (v.role() == DisclosureRole.QUASI) {
                quasiValues += n;
                // every -6 of a quasi-identifier: local suppression's and the top of a hierarchy's
                quasiSuppressed += queryLong("SELECT count(*) FROM " + rel(v.form()) + " WHERE CAST(" + c
                        + " AS VARCHAR) IN ('" + SUPPRESSED + "', '" + SUPPRESSED + ".0')");
            } else {
                sensitiveValues += n;
            }
        }
        long cases = queryLong("SELECT count(*) FROM " + src(view.unit()));
        InformationLoss loss = new InformationLoss(
                quasiValues,
                materialised ? quasiSuppressed : suppressedQuasi,
                sensitiveValues,
                suppressedSensitive,
                cases,
                removedCases,
                collapsedCategories,
                recodedValues);
        List<String> quasi = view.quasiIdentifiers(this).stream()
                .map(JoinedView.Column::qualifiedName)
                .toList();
        List<String> sensitive = allVariables().stream()
                .filter(v -> v.role() == DisclosureRole.SENSITIVE && v.inherits() == null)
                .map(PlannedVariable::qualifiedName)
                .toList();
        return new DisclosureReport(
                snapshot.id(),
                level,
                policy,
                thresholds,
                rules,
                quasi,
                suppressionOrder,
                sensitive,
                treatments,
                risk,
                loss,
                notes,
                scenario.words(),
                instrument.disclosureModel().attackersAt(level),
                generalisation);
    }

    // ---- SQL helpers

    void execute(String sql) throws SQLException {
        try (Statement st = duck.createStatement()) {
            st.execute(sql);
        }
    }

    long queryLong(String sql) throws SQLException {
        try (Statement st = duck.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    int update(String sql) throws SQLException {
        try (Statement st = duck.createStatement()) {
            return st.executeUpdate(sql);
        }
    }

    static String src(String form) {
        return quote("src_" + form);
    }

    static String rel(String form) {
        return quote("rel_" + form);
    }

    static String column(String alias, String name) {
        return alias + "." + quote(name);
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String sqlType(VariableKind kind) {
        return switch (kind) {
            case INTEGER -> "BIGINT";
            case DECIMAL -> "DOUBLE";
            case STRING -> "VARCHAR";
            case DATE -> "DATE";
        };
    }

    @Override
    public void close() throws SQLException {
        duck.close();
    }
}
