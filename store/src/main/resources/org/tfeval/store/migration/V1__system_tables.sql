-- System tables. Form tables are derived from the instrument by InstrumentMigration.
CREATE TABLE study_meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);

-- Append-only, hash-chained audit log: one event per change set, one row per changed record.
CREATE TABLE audit_event (
    seq            bigint PRIMARY KEY,
    at             timestamptz NOT NULL,
    actor          text NOT NULL,
    action         text NOT NULL,
    form           text,
    reason         text,
    detail         text NOT NULL,
    changes        bigint NOT NULL,
    changes_digest text NOT NULL,
    prev_hash      text NOT NULL,
    hash           text NOT NULL
);
CREATE SEQUENCE audit_event_seq START 1;

CREATE TABLE audit_change (
    event_seq  bigint NOT NULL, -- the event row is written last; AuditLog.verify reports changes without an event
    ord        bigint NOT NULL,
    record_key text NOT NULL,
    op         char(1) NOT NULL CHECK (op IN ('I', 'U', 'D')),
    old_value  json,
    new_value  json,
    PRIMARY KEY (event_seq, ord)
);

CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME;
END $$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_change_append_only BEFORE UPDATE OR DELETE ON audit_change
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_change_no_truncate BEFORE TRUNCATE ON audit_change
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

-- Reproducible case samples: the draw and every case drawn, in order.
CREATE TABLE sample_draw (
    id            bigserial PRIMARY KEY,
    at            timestamptz NOT NULL,
    actor         text NOT NULL,
    frame_name    text NOT NULL,
    frame_sha256  text NOT NULL,
    frame_rows    bigint NOT NULL,
    seed          bigint NOT NULL,
    method        text NOT NULL,
    size_rule     text NOT NULL,
    replacements  int NOT NULL,
    tfeval_version text NOT NULL
);
CREATE TABLE sample_case (
    draw_id    bigint NOT NULL REFERENCES sample_draw (id),
    tf_id      text NOT NULL,
    case_ref   text NOT NULL,
    draw_order int NOT NULL,
    role       text NOT NULL CHECK (role IN ('sample', 'replacement')),
    PRIMARY KEY (draw_id, tf_id, draw_order)
);

CREATE TABLE snapshot (
    id         text PRIMARY KEY,
    created_at timestamptz NOT NULL,
    actor      text NOT NULL,
    path       text NOT NULL,
    allow_errors boolean NOT NULL,
    manifest   text NOT NULL
);
