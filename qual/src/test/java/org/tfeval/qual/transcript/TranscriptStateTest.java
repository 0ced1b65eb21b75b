package org.tfeval.qual.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tfeval.instrument.workflow.Problem;

class TranscriptStateTest {
    @Test
    void a_transcript_becomes_codable_only_through_de_identification_and_review() {
        TranscriptState s = TranscriptState.IMPORTED;
        assertThatThrownBy(() -> TranscriptState.IMPORTED.moveTo(TranscriptState.CODABLE))
                .isInstanceOf(Problem.Refused.class);
        s = s.moveTo(TranscriptState.DEIDENTIFIED)
                .moveTo(TranscriptState.REVIEWED)
                .moveTo(TranscriptState.CODABLE);
        assertThat(s.codable()).isTrue();
        assertThat(s.textEditable()).isFalse();
    }

    @Test
    void a_codable_transcript_cannot_go_back() {
        assertThatThrownBy(() -> TranscriptState.CODABLE.moveTo(TranscriptState.REVIEWED))
                .isInstanceOf(Problem.Refused.class)
                .hasMessageContaining("codable");
    }
}
