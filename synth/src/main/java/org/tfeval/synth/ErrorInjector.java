package org.tfeval.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tfeval.instrument.Instrument;

/**
 * Places the deliberate errors of a demo study: each fault the instrument supports once, spread
 * over the study (fault k waits for the case at position (k + 1/2) N / K, in a seeded order) and
 * put on the first record there that can carry it. At most one fault per record.
 */
final class ErrorInjector {
    private final Instrument instrument;
    private final SplittableRandom rng;
    private final List<Fault> faults = new ArrayList<>();
    private final long[] triggers;
    private final boolean[] fired;
    private final List<InjectedError> injected = new ArrayList<>();

    /** An injector for a study of {@code totalCases} cases; injects nothing when disabled. */
    ErrorInjector(Instrument instrument, long totalCases, long seed, boolean enabled) {
        this.instrument = instrument;
        this.rng = RandomStream.ERRORS.open(seed);
        if (enabled) {
            for (Fault f : Fault.values()) {
                if (f.supportedBy(instrument)) faults.add(f);
            }
            for (int i = faults.size() - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                faults.set(i, faults.set(j, faults.get(i)));
            }
        }
        this.triggers = new long[faults.size()];
        this.fired = new boolean[faults.size()];
        for (int k = 0; k < triggers.length; k++) {
            triggers[k] = (long) Math.floor((k + 0.5) * totalCases / triggers.length);
        }
    }

    /** Offers a finished record (with its parent record, or null) of the case at a 0-based position. */
    void offer(long caseOrdinal, Rec record, Rec parent) {
        for (int k = 0; k < faults.size(); k++) {
            Fault f = faults.get(k);
            if (fired[k]
                    || caseOrdinal < triggers[k]
                    || !f.form.equals(record.layout().name())
                    || !f.eligible(record, parent)) {
                continue;
            }
            String what = f.apply(record, parent, rng);
            fired[k] = true;
            injected.add(
                    new InjectedError(f.form, record.id(), f.reportedVariable(instrument), f.code(instrument), what));
            return;
        }
    }

    /** The errors injected so far, in the order they were written. */
    List<InjectedError> injected() {
        return List.copyOf(injected);
    }
}
