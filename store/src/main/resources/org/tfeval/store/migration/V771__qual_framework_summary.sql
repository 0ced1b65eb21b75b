-- The framework matrix (issue 11 item 6): the analyst's summary of one participant on one theme. Every save
-- is a new version (the newest is the cell); nothing is updated or deleted except by a participant's removal
-- (study.protect.Removal deletes every row with their participant_id).
CREATE TABLE qual_framework_summary (
    participant_id text NOT NULL,
    code           uuid NOT NULL REFERENCES qual_code (guid),
    version        int NOT NULL CHECK (version >= 1),
    summary        text NOT NULL,
    author         text NOT NULL,
    saved_at       timestamptz NOT NULL,
    PRIMARY KEY (participant_id, code, version)
);
