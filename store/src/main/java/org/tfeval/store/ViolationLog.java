package org.tfeval.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.tfeval.instrument.validation.Violation;

/** Collects violations: all are counted by code, the first {@code limit} are kept in full. */
public final class ViolationLog implements Consumer<Violation> {
    /** Violations kept in full by default; the rest are counted. */
    public static final int DEFAULT_LIMIT = 1000;

    private final int limit;
    private final List<Violation> kept = new ArrayList<>();
    private final Map<String, Long> byCode = new TreeMap<>();
    private long errors;
    private long warnings;

    public ViolationLog(int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit " + limit + " must be >= 0");
        this.limit = limit;
    }

    @Override
    public synchronized void accept(Violation v) {
        if (kept.size() < limit) kept.add(v);
        byCode.merge(v.code(), 1L, Long::sum);
        if (v.isError()) errors++;
        else warnings++;
    }

    public synchronized List<Violation> kept() {
        return List.copyOf(kept);
    }

    public synchronized Map<String, Long> countsByCode() {
        return Map.copyOf(byCode);
    }

    public synchronized long errors() {
        return errors;
    }

    public synchronized long warnings() {
        return warnings;
    }

    /** Whether some violations were counted but not kept. */
    public synchronized boolean truncated() {
        return errors + warnings > kept.size();
    }
}
