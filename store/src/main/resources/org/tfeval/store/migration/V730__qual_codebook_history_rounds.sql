-- Codebook history applied to codings, reliability rounds end to end.

-- every codebook change: its kind, what it did (JSON: guids, names, counts), and how many codings it moved
ALTER TABLE qual_codebook_change
    ADD COLUMN kind text NOT NULL DEFAULT 'legacy'
        CHECK (kind IN ('legacy', 'add', 'rename', 'move', 'merge', 'split', 'retire', 'import')),
    ADD COLUMN detail jsonb NOT NULL DEFAULT '{}'::jsonb,
    ADD COLUMN codings_moved int NOT NULL DEFAULT 0 CHECK (codings_moved >= 0);

-- a coding moved by a merge or a split remembers its first code and the version that moved it last
ALTER TABLE qual_coding
    ADD COLUMN original_code uuid REFERENCES qual_code (guid),
    ADD COLUMN moved_in_version int REFERENCES qual_codebook_change (version);

-- codings of a split code that neither an assignment nor a rule placed: a person sorts them
CREATE TABLE qual_split_review (
    coding         uuid NOT NULL REFERENCES qual_coding (guid),
    change_version int NOT NULL REFERENCES qual_codebook_change (version),
    resolved_code  uuid REFERENCES qual_code (guid),
    resolved_by    text,
    resolved_at    timestamptz,
    PRIMARY KEY (coding, change_version),
    CHECK ((resolved_code IS NULL) = (resolved_by IS NULL) AND (resolved_by IS NULL) = (resolved_at IS NULL))
);

-- a round's life: who opened and closed it, the figures frozen at close
ALTER TABLE qual_round
    ADD COLUMN opened_by text,
    ADD COLUMN opened_at timestamptz,
    ADD COLUMN closed_by text,
    ADD COLUMN closed_at timestamptz,
    ADD COLUMN figures jsonb,
    ADD COLUMN adjudicated_by text,
    ADD COLUMN adjudicated_at timestamptz;

-- one decision per disagreement (a maximal span of one code where the coders differ)
CREATE TABLE qual_adjudication (
    round_id      int NOT NULL REFERENCES qual_round (id),
    transcript_id bigint NOT NULL REFERENCES qual_transcript (id),
    code          uuid NOT NULL REFERENCES qual_code (guid),
    start_cp      int NOT NULL,
    end_cp        int NOT NULL,
    decision      text NOT NULL CHECK (decision IN ('a', 'b', 'both', 'neither')),
    adjudicator   text NOT NULL,
    reason        text NOT NULL CHECK (length(reason) > 0),
    decided_at    timestamptz NOT NULL,
    PRIMARY KEY (round_id, transcript_id, code, start_cp, end_cp),
    CHECK (0 <= start_cp AND start_cp < end_cp)
);
