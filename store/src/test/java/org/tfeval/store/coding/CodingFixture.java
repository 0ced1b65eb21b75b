package org.tfeval.store.coding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.tfeval.store.Store;
import org.tfeval.store.sample.SampleDraw;
import org.tfeval.store.sample.Sampler;

/** A study with task forces and a recorded sample draw, for coding tests. */
final class CodingFixture {
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private CodingFixture() {}

    static <T> T tx(Store store, Work<T> work) {
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            T out = work.run(c);
            c.commit();
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void taskForces(Store store, String... ids) {
        tx(store, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO d_task_force (tf_id) VALUES (?)")) {
                for (String id : ids) {
                    ps.setString(1, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Records a draw of the given cases (site, reference pairs) as a sample. */
    static SampleDraw draw(Store store, List<SampleDraw.Drawn> cases) {
        SampleDraw d = new SampleDraw(
                0,
                "case_list.csv",
                "0".repeat(64),
                cases.size(),
                1,
                Sampler.METHOD,
                "30 per site",
                0,
                cases,
                java.util.Map.of());
        return Sampler.record(store, d, "test", "test");
    }
}
