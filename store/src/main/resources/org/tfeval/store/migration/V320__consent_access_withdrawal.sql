-- Protection of participants' words (issue 16, items 2-5): who may read survivor transcripts, which
-- transcripts a coder is assigned, and withdrawals. No foreign key to the instrument's tables: they are
-- created after the system migrations.

-- accounts granted survivor access (designated analysts); a grant is revoked by setting revoked_at
CREATE TABLE protect_survivor_access (
    account    text NOT NULL,
    granted_by text NOT NULL,
    granted_at timestamptz NOT NULL,
    revoked_by text,
    revoked_at timestamptz,
    PRIMARY KEY (account, granted_at)
);

-- a coder's assignment to an interview outside reliability rounds
CREATE TABLE protect_assignment (
    interview_id text NOT NULL,
    coder        text NOT NULL,
    assigned_by  text NOT NULL,
    assigned_at  timestamptz NOT NULL,
    PRIMARY KEY (interview_id, coder)
);

-- every withdrawal, by level; the reason is the research team's words, never the participant's
CREATE TABLE protect_withdrawal (
    id             bigserial PRIMARY KEY,
    participant_id text NOT NULL,
    level          text NOT NULL CHECK (level IN ('no-contact', 'no-further-use', 'remove')),
    reason         text NOT NULL,
    withdrawn_by   text NOT NULL,
    withdrawn_at   timestamptz NOT NULL
);
CREATE INDEX protect_withdrawal_participant_idx ON protect_withdrawal (participant_id);

-- the one way past the immutable-transcript trigger: a removal that set tfeval.withdrawal_removal to
-- the participant it removes, inside the transaction that records the withdrawal; only that
-- participant's transcripts (interview IDs are PARTICIPANT_ID-In) pass
CREATE OR REPLACE FUNCTION qual_transcript_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND coalesce(current_setting('tfeval.withdrawal_removal', true), '') <> ''
            AND EXISTS (SELECT 1 FROM protect_withdrawal w
                        WHERE w.participant_id = current_setting('tfeval.withdrawal_removal', true)
                          AND w.level = 'remove')
            AND OLD.interview_id LIKE current_setting('tfeval.withdrawal_removal', true) || '-I%' THEN
        RETURN OLD;
    END IF;
    IF OLD.state = 'codable' AND (TG_OP = 'DELETE' OR NEW.text IS DISTINCT FROM OLD.text
            OR NEW.text_sha256 IS DISTINCT FROM OLD.text_sha256 OR NEW.state <> 'codable') THEN
        RAISE EXCEPTION 'a codable transcript is immutable' USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END $$;
