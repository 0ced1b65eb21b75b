package org.tfeval.instrument.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tfeval.instrument.ReleaseLevel;

/**
 * The instrument's {@code disclosure_model} section: the attackers assumed per release level, the
 * disclosure scenario per level, and the generalization hierarchies.
 *
 * <pre>{@code
 * disclosure_model:
 *   scenario: {public: separate}
 *   attackers:
 *     - {name: docket, level: public, description: ..., sources: [...], knows: [suspect.S_TOP_CHARGE, ...]}
 *   hierarchies:
 *     - variable: victim.V_AGE
 *       levels:
 *         - {name: 5-year bands, bands: [0, 5, 10, 15, 18, 25, 35, 45, 60]}
 *     - variable: victim.V_RACE
 *       levels:
 *         - {name: race groups, groups: {1: [1], 2: [2], 7: [3, 4, 5, 6, 7]}, labels: {1: White, 2: Black, 7: Other}}
 * }</pre>
 *
 * @param attackers the attackers, in file order
 * @param scenarios the scenario per release level (absent: joined)
 * @param hierarchies the hierarchies, one per variable
 * @param profile how the group form (task force) is released at public level, if declared
 */
public record DisclosureModel(
        List<Attacker> attackers,
        Map<ReleaseLevel, Scenario> scenarios,
        List<Hierarchy> hierarchies,
        Optional<GroupProfile> profile) {

    public DisclosureModel {
        attackers = List.copyOf(attackers);
        scenarios = scenarios.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(scenarios));
        hierarchies = List.copyOf(hierarchies);
        java.util.Objects.requireNonNull(profile, "profile");
        Set<String> names = new LinkedHashSet<>();
        for (Attacker a : attackers) {
            if (!names.add(a.name() + "@" + a.level())) {
                throw new IllegalArgumentException("disclosure_model: attacker " + a.name() + " is declared twice");
            }
        }
        Set<String> vars = new LinkedHashSet<>();
        for (Hierarchy h : hierarchies) {
            if (!vars.add(h.variable())) {
                throw new IllegalArgumentException("disclosure_model: two hierarchies for " + h.variable());
            }
        }
    }

    /** No attackers, no hierarchies: the release acts on the variables' disclosure roles only. */
    public static DisclosureModel none() {
        return new DisclosureModel(List.of(), Map.of(), List.of(), Optional.empty());
    }

    public boolean isEmpty() {
        return attackers.isEmpty() && scenarios.isEmpty() && hierarchies.isEmpty() && profile.isEmpty();
    }

    /** The attackers assumed at a release level. */
    public List<Attacker> attackersAt(ReleaseLevel level) {
        return attackers.stream().filter(a -> a.level() == level).toList();
    }

    /** The quasi-identifiers the attackers at a level give, in declaration order, each once. */
    public List<String> quasiIdentifiersAt(ReleaseLevel level) {
        Set<String> out = new LinkedHashSet<>();
        attackersAt(level).forEach(a -> out.addAll(a.knows()));
        return List.copyOf(out);
    }

    /** The scenario of a level (joined unless declared). */
    public Scenario scenarioAt(ReleaseLevel level) {
        return scenarios.getOrDefault(level, Scenario.JOINED);
    }

    /** The hierarchy of a released variable ({@code form.VARIABLE}). */
    public Optional<Hierarchy> hierarchy(String variable) {
        return hierarchies.stream().filter(h -> h.variable().equals(variable)).findFirst();
    }

    // ---- YAML

    /** Reads the section (a missing section is {@link #none()}). */
    public static DisclosureModel parse(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return none();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("disclosure_model must be a mapping");
        }
        List<Attacker> attackers = new ArrayList<>();
        for (JsonNode a : node.path("attackers")) {
            attackers.add(new Attacker(
                    text(a, "name", "attackers"),
                    level(text(a, "level", "attacker " + a.path("name").asText())),
                    a.path("description").asText(""),
                    strings(a.path("sources")),
                    strings(a.path("knows"))));
        }
        Map<ReleaseLevel, Scenario> scenarios = new EnumMap<>(ReleaseLevel.class);
        Iterator<Map.Entry<String, JsonNode>> it = node.path("scenario").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            scenarios.put(level(e.getKey()), Scenario.of(e.getValue().asText()));
        }
        List<Hierarchy> hierarchies = new ArrayList<>();
        for (JsonNode h : node.path("hierarchies")) {
            String variable = text(h, "variable", "hierarchies");
            List<Hierarchy.Level> levels = new ArrayList<>();
            for (JsonNode l : h.path("levels")) {
                String name = text(l, "name", "hierarchy " + variable);
                if (l.has("bands")) {
                    List<Double> bounds = new ArrayList<>();
                    for (JsonNode b : l.get("bands")) {
                        if (!b.isNumber() || b.asDouble() < 0) {
                            throw new IllegalArgumentException("hierarchy " + variable + ", level " + name
                                    + ": band bounds are numbers, 0 or more (negative numbers are missing codes)");
                        }
                        bounds.add(b.asDouble());
                    }
                    levels.add(Hierarchy.Level.bands(name, bounds));
                } else {
                    Map<Long, List<String>> groups = new LinkedHashMap<>();
                    Iterator<Map.Entry<String, JsonNode>> g = l.path("groups").fields();
                    while (g.hasNext()) {
                        Map.Entry<String, JsonNode> e = g.next();
                        long code = code(e.getKey(), variable);
                        groups.put(code, strings(e.getValue()));
                    }
                    Map<Long, String> labels = new LinkedHashMap<>();
                    Iterator<Map.Entry<String, JsonNode>> lb = l.path("labels").fields();
                    while (lb.hasNext()) {
                        Map.Entry<String, JsonNode> e = lb.next();
                        labels.put(code(e.getKey(), variable), e.getValue().asText());
                    }
                    if (groups.isEmpty()) {
                        throw new IllegalArgumentException(
                                "hierarchy " + variable + ", level " + name + " needs bands or groups");
                    }
                    levels.add(Hierarchy.Level.groups(name, groups, labels));
                }
            }
            hierarchies.add(new Hierarchy(variable, h.path("dimension").asText(variable), levels));
        }
        Optional<GroupProfile> profile = Optional.empty();
        JsonNode p = node.get("profile");
        if (p != null && !p.isNull()) {
            List<GroupProfile.Attribute> attributes = new ArrayList<>();
            for (JsonNode a : p.path("attributes")) {
                attributes.add(new GroupProfile.Attribute(
                        text(a, "name", "profile"),
                        text(a, "from", "profile"),
                        a.path("level").asInt(0)));
            }
            profile = Optional.of(new GroupProfile(
                    text(p, "form", "profile"), p.path("min_groups").asInt(GroupProfile.MIN_GROUPS), attributes));
        }
        return new DisclosureModel(attackers, scenarios, hierarchies, profile);
    }

    /** Writes the section into the instrument's YAML tree (nothing when empty). */
    public void write(ObjectNode root) {
        if (isEmpty()) {
            return;
        }
        ObjectNode m = root.putObject("disclosure_model");
        if (!scenarios.isEmpty()) {
            ObjectNode s = m.putObject("scenario");
            new EnumMap<>(scenarios).forEach((level, sc) -> s.put(level.name().toLowerCase(Locale.ROOT), sc.key()));
        }
        profile.ifPresent(p -> {
            ObjectNode pn = m.putObject("profile");
            pn.put("form", p.form());
            pn.put("min_groups", p.minGroups());
            ArrayNode attrs = pn.putArray("attributes");
            for (GroupProfile.Attribute a : p.attributes()) {
                ObjectNode an = attrs.addObject();
                an.put("name", a.name());
                an.put("from", a.from());
                an.put("level", a.level());
            }
        });
        ArrayNode as = m.putArray("attackers");
        for (Attacker a : attackers) {
            ObjectNode n = as.addObject();
            n.put("name", a.name());
            n.put("level", a.level().name().toLowerCase(Locale.ROOT));
            n.put("description", a.description());
            a.sources().forEach(n.putArray("sources")::add);
            ArrayNode knows = n.putArray("knows");
            a.knows().forEach(knows::add);
        }
        ArrayNode hs = m.putArray("hierarchies");
        for (Hierarchy h : hierarchies) {
            ObjectNode n = hs.addObject();
            n.put("variable", h.variable());
            if (!h.dimension().equals(h.variable())) {
                n.put("dimension", h.dimension());
            }
            ArrayNode ls = n.putArray("levels");
            for (Hierarchy.Level l : h.levels()) {
                ObjectNode ln = ls.addObject();
                ln.put("name", l.name());
                if (!l.bands().isEmpty()) {
                    ArrayNode b = ln.putArray("bands");
                    l.bands().forEach(b::add);
                } else {
                    ObjectNode g = ln.putObject("groups");
                    l.groups().forEach((code, members) -> {
                        ArrayNode a = g.putArray(Long.toString(code));
                        members.forEach(a::add);
                    });
                    if (!l.labels().isEmpty()) {
                        ObjectNode lb = ln.putObject("labels");
                        l.labels().forEach((code, label) -> lb.put(Long.toString(code), label));
                    }
                }
            }
        }
    }

    private static ReleaseLevel level(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "public":
                return ReleaseLevel.PUBLIC;
            case "restricted":
                return ReleaseLevel.RESTRICTED;
            default:
                throw new IllegalArgumentException(
                        "disclosure_model: a level is public or restricted, not '" + text + "'");
        }
    }

    private static long code(String key, String variable) {
        try {
            long c = Long.parseLong(key);
            if (c < 0) {
                throw new IllegalArgumentException(
                        "hierarchy " + variable + ": group code " + key + " is negative (a missing code)");
            }
            return c;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hierarchy " + variable + ": group code '" + key + "' is not a number");
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.asText().isBlank()) {
            throw new IllegalArgumentException("disclosure_model, " + where + ": '" + field + "' is required");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.add(node.asText());
        }
        return out;
    }
}
