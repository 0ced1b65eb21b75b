package org.tfeval.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditSealConcurrencyTest {
    @TempDir
    Path dir;

    /** Concurrent web saves anchor from many threads of one process; none may fail after its commit. */
    @Test
    void threads_of_one_process_anchor_their_events_without_overlapping_locks() throws Exception {
        Path anchor = Files.createFile(dir.resolve("audit-anchor.log"));
        AuditSeal seal = AuditSeal.open(dir.resolve("audit.key"), List.of(anchor), true);
        int threads = 8;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long base = (long) t * each;
                done.add(pool.submit((Callable<Void>) () -> {
                    for (long i = 1; i <= each; i++) seal.anchor(Map.of(base + i, String.format("%064x", base + i)));
                    return null;
                }));
            }
            for (Future<?> f : done) f.get(); // rethrows an OverlappingFileLockException
        } finally {
            pool.shutdownNow();
        }
        assertThat(seal.anchored()).hasSize(threads * each);
    }
}
