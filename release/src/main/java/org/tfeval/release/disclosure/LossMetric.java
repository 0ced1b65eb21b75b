package org.tfeval.release.disclosure;

/**
 * The information-loss metrics of a generalization, as ARX defines them; the lattice search keeps
 * the solution with the least loss under the metric it is given.
 */
public enum LossMetric {
    /**
     * ARX's "Loss" (Iyengar's generalization loss): per cell, (values of the domain in the cell's
     * group - 1) / (values of the domain - 1), 1 for a suppressed cell; the mean over all cells of the
     * quasi-identifiers, 0 (nothing lost) to 1 (everything suppressed).
     */
    LOSS("Loss (generalization intensity, 0-1)") {
        @Override
        double of(Generalisation.Node n) {
            return n.loss();
        }
    },
    /**
     * Non-uniform entropy (de Waal and Willenborg; ARX): per cell -log2(records with the original value
     * / records with the released group), summed over the cells, in bits.
     */
    NON_UNIFORM_ENTROPY("non-uniform entropy (bits)") {
        @Override
        double of(Generalisation.Node n) {
            return n.entropy();
        }
    },
    /**
     * Discernibility (Bayardo and Agrawal; ARX): each row of a class of size |E| costs |E|, each
     * suppressed row the number of rows: sum of |E|^2 plus suppressed rows times all rows.
     */
    DISCERNIBILITY("discernibility") {
        @Override
        double of(Generalisation.Node n) {
            return n.discernibility();
        }
    };

    private final String words;

    LossMetric(String words) {
        this.words = words;
    }

    /** The metric's value for a node. */
    abstract double of(Generalisation.Node n);

    public String words() {
        return words;
    }

    /** The metric of that name ({@code loss}, {@code entropy}, {@code discernibility}). */
    public static LossMetric of(String name) {
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "loss":
                return LOSS;
            case "entropy":
            case "non_uniform_entropy":
                return NON_UNIFORM_ENTROPY;
            case "discernibility":
                return DISCERNIBILITY;
            default:
                throw new IllegalArgumentException(
                        "the loss metric is loss, entropy or discernibility, not '" + name + "'");
        }
    }
}
