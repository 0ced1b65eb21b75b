-- Field packages: coding on a laptop without a network, merged back without loss.

-- The study's identity: a field package names it, and check-in refuses a package of another study.
INSERT INTO study_meta (key, value) VALUES ('study_id', gen_random_uuid()::text) ON CONFLICT (key) DO NOTHING;

-- A laptop's package: one site, one coder, an expiry; revoked devices are refused at check-in.
CREATE TABLE field_device (
    device_id       uuid PRIMARY KEY,
    tf_id           text NOT NULL,
    coder           text NOT NULL,
    created_at      timestamptz NOT NULL,
    created_by      text NOT NULL,
    expires_at      timestamptz NOT NULL,
    revoked_at      timestamptz,
    revoked_by      text,
    revoke_reason   text,
    last_checkin_at timestamptz
);

-- One check-in of a package (a package checked in twice has two rows, the second with no new events).
CREATE TABLE field_checkin (
    id         bigserial PRIMARY KEY,
    device_id  uuid NOT NULL REFERENCES field_device (device_id),
    at         timestamptz NOT NULL,
    actor      text NOT NULL,
    events     int NOT NULL,
    new_events int NOT NULL,
    applied    int NOT NULL,
    conflicts  int NOT NULL
);

-- Every change made on a laptop, once: the client UUID makes check-in idempotent.
CREATE TABLE field_event (
    client_uuid  uuid PRIMARY KEY,
    device_id    uuid NOT NULL REFERENCES field_device (device_id),
    checkin_id   bigint NOT NULL REFERENCES field_checkin (id),
    ord          int NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('case_started', 'record_added', 'field_set', 'record_removed', 'pass_status', 'activity')),
    case_id      text,
    pass         smallint,
    form         text,
    record_key   text,
    variable     text,
    old_value    text,
    new_value    text,
    coder        text NOT NULL,
    at           timestamptz NOT NULL,
    base_version int,
    office_record_id bigint
);
COMMENT ON COLUMN field_event.case_id IS 'the case as the study numbers it (a case started on a laptop gets the study''s next case ID)';
COMMENT ON COLUMN field_event.office_record_id IS 'for a record added on a laptop: the record it became in the study';
CREATE INDEX field_event_device_idx ON field_event (device_id);

-- Changes that did not merge by themselves: the same field changed on the laptop and elsewhere
-- since the base version, or a record removed on the laptop (deletions are always reviewed).
-- A coordinator resolves each, field by field; the losing value stays here.
CREATE TABLE field_conflict (
    id                     bigserial PRIMARY KEY,
    device_id              uuid NOT NULL REFERENCES field_device (device_id),
    checkin_id             bigint NOT NULL REFERENCES field_checkin (id),
    kind                   text NOT NULL CHECK (kind IN ('value', 'deletion', 'record_gone')),
    case_id                text NOT NULL,
    pass                   smallint NOT NULL,
    form                   text NOT NULL,
    record_id              bigint,
    record_key             text NOT NULL,
    variable               text,
    base_value             text,
    field_value            text,
    office_value           text,
    coder                  text NOT NULL,
    status                 text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    chosen                 text CHECK (chosen IN ('field', 'office')),
    losing_value           text,
    resolved_from_conflict boolean NOT NULL DEFAULT false,
    resolved_by            text,
    resolved_at            timestamptz
);
CREATE INDEX field_conflict_open_idx ON field_conflict (status, case_id);
