package org.tfeval.stats.linalg;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits rows {@code 0..n} into fixed blocks and evaluates a function on each, in parallel on the common
 * fork-join pool when there are enough rows. The block layout depends only on {@code n} and the block
 * size, never on the thread count, and results come back in block order, so a caller that sums them in
 * order gets bit-identical results on any machine.
 */
public final class RowBlocks {

    /** Rows per block: 4096 rows x 20 doubles = 640 KB, within a core's L2 cache. */
    public static final int DEFAULT_BLOCK_ROWS = 4096;

    /** Below this many rows the blocks are evaluated on the calling thread (fork-join overhead). */
    public static final int PARALLEL_MIN_ROWS = 32_768;

    /** Work on rows {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    public interface BlockFunction<T> {
        T apply(int from, int to);
    }

    private RowBlocks() {}

    /** Evaluates {@code f} on each block of {@link #DEFAULT_BLOCK_ROWS} rows; results in block order. */
    public static <T> List<T> map(int n, BlockFunction<T> f) {
        return map(n, DEFAULT_BLOCK_ROWS, f);
    }

    /** Evaluates {@code f} on each block of {@code blockRows} rows; results in block order. */
    public static <T> List<T> map(int n, int blockRows, BlockFunction<T> f) {
        if (n < 0 || blockRows < 1) {
            throw new IllegalArgumentException("need n >= 0 and blockRows >= 1, got " + n + ", " + blockRows);
        }
        int blocks = (n + blockRows - 1) / blockRows;
        Object[] out = new Object[blocks];
        IntStream range = IntStream.range(0, blocks);
        if (n >= PARALLEL_MIN_ROWS) {
            range = range.parallel();
        }
        range.forEach(b -> out[b] = f.apply(b * blockRows, Math.min(n, (b + 1) * blockRows)));
        List<T> list = new ArrayList<>(blocks);
        for (Object o : out) {
            @SuppressWarnings("unchecked")
            T t = (T) o;
            list.add(t);
        }
        return list;
    }

    /** Runs {@code f} on each block (parallel for large n) for its side effects on disjoint rows. */
    public static void forEach(int n, BlockFunction<Void> f) {
        map(n, f);
    }
}
