-- Qualitative strand: transcripts (versioned, with a state the protection workflow drives), speaker
-- turns, the codebook, coded segments, reliability rounds and the remap review list.
CREATE TABLE qual_transcript (
    id           bigserial PRIMARY KEY,
    interview_id text NOT NULL,
    version      int NOT NULL CHECK (version >= 1),
    file_name    text NOT NULL,
    format       text NOT NULL CHECK (format IN ('txt', 'docx', 'vtt', 'srt')),
    file_sha256  text NOT NULL,
    text_sha256  text NOT NULL,
    text         text NOT NULL,
    length       int NOT NULL CHECK (length >= 0),
    state        text NOT NULL CHECK (state IN ('imported', 'deidentified', 'reviewed', 'codable')),
    imported_by  text NOT NULL,
    imported_at  timestamptz NOT NULL,
    UNIQUE (interview_id, version)
);

-- a codable transcript's text is final: a correction is a new version
CREATE FUNCTION qual_transcript_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.state = 'codable' AND (TG_OP = 'DELETE' OR NEW.text IS DISTINCT FROM OLD.text
            OR NEW.text_sha256 IS DISTINCT FROM OLD.text_sha256 OR NEW.state <> 'codable') THEN
        RAISE EXCEPTION 'a codable transcript is immutable' USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER qual_transcript_frozen BEFORE UPDATE OR DELETE ON qual_transcript
    FOR EACH ROW EXECUTE FUNCTION qual_transcript_frozen();

CREATE TABLE qual_turn (
    transcript_id bigint NOT NULL REFERENCES qual_transcript (id),
    seq           int NOT NULL,
    speaker       text NOT NULL,
    start_cp      int NOT NULL,
    end_cp        int NOT NULL,
    cue_start_ms  bigint,
    cue_end_ms    bigint,
    PRIMARY KEY (transcript_id, seq),
    CHECK (0 <= start_cp AND start_cp < end_cp)
);

CREATE TABLE qual_code (
    guid       uuid PRIMARY KEY,
    name       text NOT NULL,
    parent     uuid REFERENCES qual_code (guid),
    codable    boolean NOT NULL,
    definition text NOT NULL,
    inclusion  text NOT NULL,
    exclusion  text NOT NULL,
    example    text NOT NULL,
    color      text,
    retired    boolean NOT NULL,
    seq        int NOT NULL
);

CREATE TABLE qual_codebook_change (
    version    int PRIMARY KEY,
    change     text NOT NULL,
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL
);

CREATE TABLE qual_round (
    id               serial PRIMARY KEY,
    codebook_version int NOT NULL,
    status           text NOT NULL CHECK (status IN ('open', 'closed'))
);

-- which coder codes which transcript (blind) in a round
CREATE TABLE qual_round_assignment (
    round_id      int NOT NULL REFERENCES qual_round (id),
    transcript_id bigint NOT NULL REFERENCES qual_transcript (id),
    coder         text NOT NULL,
    PRIMARY KEY (round_id, transcript_id, coder)
);

CREATE TABLE qual_coding (
    guid          uuid PRIMARY KEY,
    transcript_id bigint NOT NULL REFERENCES qual_transcript (id),
    start_cp      int NOT NULL,
    end_cp        int NOT NULL,
    text_sha256   text NOT NULL,
    code          uuid NOT NULL REFERENCES qual_code (guid),
    coder         text NOT NULL,
    round_id      int REFERENCES qual_round (id),
    created_at    timestamptz NOT NULL,
    CHECK (0 <= start_cp AND start_cp < end_cp)
);
CREATE INDEX qual_coding_transcript_idx ON qual_coding (transcript_id);

-- segments a correction could not place: a person places them, nothing shifts silently
CREATE TABLE qual_remap_review (
    coding        uuid NOT NULL REFERENCES qual_coding (guid),
    to_transcript bigint NOT NULL REFERENCES qual_transcript (id),
    reason        text NOT NULL,
    PRIMARY KEY (coding, to_transcript)
);
