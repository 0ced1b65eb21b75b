package org.tfeval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tfeval.testkit.PostgresExtension;

/**
 * Issue 13 item 4 on the web: moving a case to another task force is privileged for real; the role and
 * task-force checks are the study layer's. Every refusal is performed and leaves the case where it was.
 */
class MoveRouteTest {
    @Test
    void only_an_administrator_or_a_coordinator_of_both_task_forces_moves_a_case_and_the_move_is_audited()
            throws Exception {
        try (WebFixture fx = new WebFixture(PostgresExtension.freshDatabase())) {
            Browser coder = fx.as("coder-tfa");
            String caseId = CodingFlowTest.startCase(coder, fx, "TFA-R1");
            CodingFlowTest.codeValidCase(coder, fx, caseId, "");
            assertThat(coder.post("/cases/" + caseId + "/passes/1/complete", Map.of())
                            .statusCode())
                    .isEqualTo(303);
            assertThat(taskForce(fx, caseId)).isEqualTo("TFA");
            Map<String, String> move = Map.of(
                    "form", "case", "id", caseId, "to_parent", "TFB", "reason", "filed under the wrong task force");

            assertThat(coder.post("/move", move).statusCode()).as("a coder").isEqualTo(403);
            HttpResponse<String> coordinator = fx.as("coord-tfa").post("/move", move);
            assertThat(coordinator.statusCode())
                    .as("a coordinator of TFA only (refused by the study layer)")
                    .isEqualTo(403);
            assertThat(coordinator.body()).contains("only between task forces they coordinate");
            Browser admin = fx.as("admin");
            assertThat(admin.post("/move", Map.of("form", "case", "id", caseId, "to_parent", "TFB", "reason", "oops"))
                            .statusCode())
                    .as("a reason too short")
                    .isEqualTo(400);
            assertThat(taskForce(fx, caseId))
                    .as("no refused move changed the case")
                    .isEqualTo("TFA");
            assertThat(fx.count("SELECT count(*) FROM audit_event WHERE action = 'move'"))
                    .isZero();

            HttpResponse<String> moved = admin.post("/move", move);
            assertThat(moved.statusCode()).isEqualTo(200);
            assertThat(moved.body()).contains("Moved case " + caseId + " under TFB");
            assertThat(taskForce(fx, caseId)).isEqualTo("TFB");
            assertThat(fx.count("SELECT count(*) FROM audit_event WHERE action = 'move'"
                            + " AND actor = 'admin (web account, administrator)'"
                            + " AND reason = 'filed under the wrong task force'"))
                    .isEqualTo(1);
        }
    }

    private static String taskForce(WebFixture fx, String caseId) throws Exception {
        try (var c = fx.connect();
                var ps = c.prepareStatement("SELECT tf_id FROM d_case WHERE case_id = ?")) {
            ps.setString(1, caseId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
