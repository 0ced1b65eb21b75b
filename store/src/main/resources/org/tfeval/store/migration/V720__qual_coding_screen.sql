-- The web coding screen (issue 11 item 4): memos and the version of each coder's codings of a transcript
-- (optimistic concurrency: a save made on a stale view is refused with both sides shown). Coders'
-- assignments are protect_assignment (V320). Both tables carry interview_id / participant_id, so a
-- participant's removal (study.protect.Removal) deletes their memos and versions with their words.

-- a memo on a segment, a code, a transcript or a participant; edits bump the version
CREATE TABLE qual_memo (
    id             bigserial PRIMARY KEY,
    target         text NOT NULL CHECK (target IN ('segment', 'code', 'transcript', 'participant')),
    transcript_id  bigint REFERENCES qual_transcript (id),
    interview_id   text,
    participant_id text,
    start_cp       int,
    end_cp         int,
    code           uuid REFERENCES qual_code (guid),
    author         text NOT NULL,
    body           text NOT NULL,
    version        int NOT NULL CHECK (version >= 1),
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    CHECK (target <> 'segment' OR (transcript_id IS NOT NULL AND interview_id IS NOT NULL
                                   AND 0 <= start_cp AND start_cp < end_cp)),
    CHECK (target <> 'transcript' OR (transcript_id IS NOT NULL AND interview_id IS NOT NULL)),
    CHECK (target <> 'code' OR code IS NOT NULL),
    CHECK (target <> 'participant' OR participant_id IS NOT NULL)
);
CREATE INDEX qual_memo_interview_idx ON qual_memo (interview_id);

-- how often a coder's codings of one transcript version changed: the version a save was made against
CREATE TABLE qual_coding_version (
    transcript_id bigint NOT NULL REFERENCES qual_transcript (id),
    interview_id  text NOT NULL,
    coder         text NOT NULL,
    version       int NOT NULL CHECK (version >= 0),
    PRIMARY KEY (transcript_id, coder)
);
