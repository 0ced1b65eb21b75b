-- Issue 10: the design of a recorded draw per task force, so that weights need no case list at analysis time.
-- frame_size: cases on the task force's case list (N); sample_size: cases drawn into the sample (n);
-- replacements_drawn: ordered replacements drawn. Who drew, when, the seed and the method are in sample_draw;
-- replacements used follow from the coded cases' CASE_REF and are counted when a snapshot is taken.
CREATE TABLE sample_frame (
    draw_id            bigint NOT NULL REFERENCES sample_draw (id),
    tf_id              text NOT NULL,
    frame_size         bigint NOT NULL CHECK (frame_size >= 1),
    sample_size        bigint NOT NULL CHECK (sample_size >= 0 AND sample_size <= frame_size),
    replacements_drawn bigint NOT NULL CHECK (replacements_drawn >= 0),
    PRIMARY KEY (draw_id, tf_id)
);
