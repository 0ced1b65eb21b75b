package org.tfeval.study.sampling;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.store.sample.SampleDraw;
import org.tfeval.store.sample.SampleSize;
import org.tfeval.store.sample.Sampler;
import org.tfeval.study.accounts.Account;
import org.tfeval.study.accounts.NotAllowed;
import org.tfeval.study.transaction.Transactions;

/**
 * Drawing the case sample from an uploaded case list, as coordinators do in the web application:
 * reproducible (seed, frame hash, method) and recorded with the application's version. A site
 * coordinator may only draw from a list of their own task forces. Immutable.
 */
public final class Sampling {
    /** Problems listed after a failed draw. */
    public static final int MAX_PROBLEMS_SHOWN = 20;

    /**
     * A recorded draw.
     *
     * @param id        draw id
     * @param at        when, ISO-8601
     * @param actor     who
     * @param frameName the case list's file name
     * @param seed      the seed
     * @param sizeRule  the per-site size rule
     * @param cases     sampled cases the account sees
     */
    public record Draw(long id, String at, String actor, String frameName, long seed, String sizeRule, long cases) {}

    /**
     * The outcome of a draw.
     *
     * @param drawId   the recorded draw, or 0 when nothing was drawn
     * @param problems what is wrong with the request or the case list (at most {@value #MAX_PROBLEMS_SHOWN})
     */
    public record Outcome(long drawId, List<String> problems) {
        public Outcome {
            problems = List.copyOf(problems);
        }

        public boolean drawn() {
            return problems.isEmpty();
        }
    }

    private final Transactions tx;
    private final String version;

    /** Sampling that records {@code version} (the application's) with every draw. */
    public Sampling(Transactions tx, String version) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.version = Objects.requireNonNull(version, "version");
    }

    /** The recorded draws with cases of the account's task forces (every draw for unscoped roles). */
    public List<Draw> draws(Account user) {
        requireCoordinates(user);
        boolean scoped = user.role().scoped();
        return tx.tx(c -> {
            List<Draw> out = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT d.id, d.at, d.actor, d.frame_name, d.seed, d.size_rule, "
                            + "count(sc.*) FILTER (WHERE sc.role = 'sample' AND (? OR sc.tf_id = ANY (?))) FROM sample_draw d "
                            + "LEFT JOIN sample_case sc ON sc.draw_id = d.id GROUP BY d.id ORDER BY d.id")) {
                ps.setBoolean(1, !scoped);
                ps.setArray(
                        2, c.createArrayOf("text", scoped ? user.taskForces().toArray() : new Object[0]));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getLong(7) == 0 && scoped) continue;
                        out.add(new Draw(
                                rs.getLong(1),
                                rs.getObject(2, OffsetDateTime.class).toString(),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getLong(5),
                                rs.getString(6),
                                rs.getLong(7)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Draws and records a sample from a case list (null: none was uploaded) with the submitted
     * size per site ({@code 30} or {@code 20-40}), seed and number of replacements; problems with
     * any of them are returned, all of them, and nothing is drawn.
     */
    public Outcome draw(Account user, Path frame, String perSite, String seedText, String replacementsText) {
        requireCoordinates(user);
        List<String> problems = new ArrayList<>();
        SampleSize size = null;
        long seed = 0;
        int replacements = 0;
        try {
            size = SampleSize.parse(String.valueOf(perSite));
        } catch (IllegalArgumentException e) {
            problems.add("The cases per site must be a number (30) or a range (20-40).");
        }
        try {
            seed = Long.parseLong(String.valueOf(seedText).strip());
        } catch (NumberFormatException e) {
            problems.add("The seed must be a whole number.");
        }
        try {
            replacements = Integer.parseInt(String.valueOf(replacementsText).strip());
            if (replacements < 0) problems.add("Replacements must be 0 or more.");
        } catch (NumberFormatException e) {
            problems.add("Replacements must be a whole number.");
        }
        if (frame == null) problems.add("Choose the case list (CSV with TF_ID and CASE_REF columns).");
        if (!problems.isEmpty()) return new Outcome(0, problems);
        SampleDraw draw;
        try {
            draw = Sampler.of(size, seed).withReplacements(replacements).draw(frame);
        } catch (Sampler.FrameException e) {
            for (Violation v : e.violations()) {
                if (problems.size() == MAX_PROBLEMS_SHOWN) break;
                problems.add((v.row() > 0 ? "Row " + v.row() + ": " : "") + v.message());
            }
            return new Outcome(0, problems);
        }
        Set<String> sites = new TreeSet<>();
        draw.cases().forEach(d -> sites.add(d.tfId()));
        if (user.role().scoped() && !user.taskForces().containsAll(sites)) {
            throw new NotAllowed(
                    "The case list holds task forces you do not coordinate; draw only from your own task forces' lists");
        }
        return new Outcome(
                Sampler.record(tx.store(), draw, user.name(), version).id(), List.of());
    }

    private static void requireCoordinates(Account user) {
        if (!user.role().coordinates()) throw new NotAllowed("Your role may not draw samples");
    }
}
