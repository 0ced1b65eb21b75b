-- Survivors' words sealed at rest (issue 16 items 1 and 4): the rendered text of a survivor's or community
-- member's transcript and the memos on their words are stored only sealed under the participant's data
-- key (the key store is outside the database), so a removal that destroys the key leaves nothing readable
-- in backups or the write-ahead log. text_sha256 stays the hash of the canonical rendered text, so segment
-- hashes and remaps keep working. Existing plain rows are sealed by a study-open upgrade step (Java: the
-- keys are not in the database), audited as words_sealed.
ALTER TABLE qual_transcript ADD COLUMN sealed_for text;
ALTER TABLE qual_transcript ADD COLUMN sealed_text bytea;
ALTER TABLE qual_transcript ADD CONSTRAINT qual_transcript_sealed_check
    CHECK ((sealed_text IS NULL) = (sealed_for IS NULL) AND (sealed_text IS NULL OR text IS NULL));

ALTER TABLE qual_memo ALTER COLUMN body DROP NOT NULL;
ALTER TABLE qual_memo ADD COLUMN sealed_for text;
ALTER TABLE qual_memo ADD COLUMN sealed_body bytea;
ALTER TABLE qual_memo ADD CONSTRAINT qual_memo_sealed_check
    CHECK ((sealed_body IS NULL) = (sealed_for IS NULL) AND ((body IS NULL) = (sealed_body IS NOT NULL)));

-- as V320 (a removal's way past), and: a codable transcript's words are final; sealing its plain text once (same hash) is the one change allowed
CREATE OR REPLACE FUNCTION qual_transcript_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND coalesce(current_setting('tfeval.withdrawal_removal', true), '') <> ''
            AND EXISTS (SELECT 1 FROM protect_withdrawal w
                        WHERE w.participant_id = current_setting('tfeval.withdrawal_removal', true)
                          AND w.level = 'remove')
            AND OLD.interview_id LIKE current_setting('tfeval.withdrawal_removal', true) || '-I%' THEN
        RETURN OLD;
    END IF;
    IF OLD.state = 'codable' AND (TG_OP = 'DELETE'
            OR NEW.text_sha256 IS DISTINCT FROM OLD.text_sha256 OR NEW.state <> 'codable'
            OR (NEW.text IS DISTINCT FROM OLD.text
                AND NOT (OLD.sealed_text IS NULL AND NEW.text IS NULL AND NEW.sealed_text IS NOT NULL))
            OR (OLD.sealed_text IS NOT NULL AND (NEW.sealed_text IS DISTINCT FROM OLD.sealed_text
                OR NEW.sealed_for IS DISTINCT FROM OLD.sealed_for))) THEN
        RAISE EXCEPTION 'a codable transcript is immutable' USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END $$;
