-- De-identification as a reviewed workflow (issue 16, item 1).
-- Words at rest: the untouched original of a transcript (and its speaker labels) is stored only sealed
-- under the participant's data key (the key store is outside the database); qual_transcript.text holds
-- the rendered, de-identified text once it exists (NULL before), in plain, so coding and analysis can
-- read it; a participant's removal deletes those rows and destroys the key.
ALTER TABLE qual_transcript ALTER COLUMN text DROP NOT NULL;
ALTER TABLE qual_transcript ADD COLUMN original_sha256 text;
ALTER TABLE qual_transcript ADD COLUMN rendered_by text;
ALTER TABLE qual_transcript ADD COLUMN reviewed_by text;
UPDATE qual_transcript SET original_sha256 = text_sha256;
ALTER TABLE qual_transcript ALTER COLUMN original_sha256 SET NOT NULL;

CREATE TABLE qual_transcript_original (
    transcript_id  bigint PRIMARY KEY REFERENCES qual_transcript (id) ON DELETE CASCADE,
    participant_id text NOT NULL,
    sealed_text    bytea NOT NULL,
    sealed_speakers bytea NOT NULL
);
CREATE INDEX qual_transcript_original_participant_idx ON qual_transcript_original (participant_id);

-- the names the study knows; a participant's own entries are sealed under their key, others are plain
-- (task forces, agencies and places are not about one person)
CREATE TABLE qual_deid_roster (
    id             bigserial PRIMARY KEY,
    category       text NOT NULL,
    participant_id text,
    value          text,
    sealed_value   bytea,
    added_by       text NOT NULL,
    added_at       timestamptz NOT NULL,
    CHECK ((participant_id IS NULL AND value IS NOT NULL AND sealed_value IS NULL)
        OR (participant_id IS NOT NULL AND value IS NULL AND sealed_value IS NOT NULL))
);

-- suggestions point into the sealed original by code points; they never hold the words
CREATE TABLE qual_deid_suggestion (
    id            bigserial PRIMARY KEY,
    transcript_id bigint NOT NULL REFERENCES qual_transcript (id) ON DELETE CASCADE,
    start_cp      int NOT NULL,
    end_cp        int NOT NULL,
    category      text NOT NULL,
    origin        text NOT NULL CHECK (origin IN ('roster', 'pattern', 'speaker', 'reviewer')),
    source        text NOT NULL,
    status        text NOT NULL CHECK (status IN ('suggested', 'accepted', 'rejected', 'edited', 'added')),
    decided_by    text,
    decided_at    timestamptz,
    -- where the span landed in the rendered text (set when rendered): what the residual scan settles
    rendered_start int,
    rendered_end   int,
    CHECK (0 <= start_cp AND start_cp < end_cp),
    CHECK ((status = 'suggested') = (decided_by IS NULL))
);
CREATE INDEX qual_deid_suggestion_transcript_idx ON qual_deid_suggestion (transcript_id);
CREATE INDEX qual_deid_suggestion_source_idx ON qual_deid_suggestion (source);

-- the key map, kept apart: tokens are study-wide (same words and category, same token); lookup is a
-- keyed hash of the normalised words (the key is in the study's key store), never the words
CREATE TABLE qual_deid_token (
    token    text PRIMARY KEY,
    category text NOT NULL,
    seq      int NOT NULL CHECK (seq >= 1),
    lookup   text NOT NULL,
    UNIQUE (category, lookup),
    UNIQUE (category, seq)
);
-- what a token stands for, sealed under the key of each participant whose words used it
CREATE TABLE qual_deid_token_original (
    token          text NOT NULL REFERENCES qual_deid_token (token),
    participant_id text NOT NULL,
    sealed         bytea NOT NULL,
    PRIMARY KEY (token, participant_id)
);
