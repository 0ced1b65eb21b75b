-- Case-file coding in the web application. A case file is coded in pass 1 and, for double
-- coding, blind in pass 2. Each record of a pass is kept as the cells the coder typed (a draft
-- may break rules); completing pass 1 writes the validated records into the form tables.
CREATE TABLE coding_case (
    case_id       text PRIMARY KEY,
    tf_id         text NOT NULL,
    case_ref      text,
    draw_id       bigint REFERENCES sample_draw (id),
    created_at    timestamptz NOT NULL,
    created_by    text NOT NULL,
    reconciled_at timestamptz,
    reconciled_by text,
    UNIQUE (draw_id, tf_id, case_ref)
);
CREATE INDEX coding_case_tf_idx ON coding_case (tf_id);

CREATE TABLE coding_pass (
    case_id      text NOT NULL REFERENCES coding_case (case_id),
    pass         smallint NOT NULL CHECK (pass IN (1, 2)),
    coder        text NOT NULL,
    status       text NOT NULL CHECK (status IN ('in_progress', 'complete')),
    assigned_by  text NOT NULL,
    assigned_at  timestamptz NOT NULL,
    completed_at timestamptz,
    PRIMARY KEY (case_id, pass)
);

CREATE TABLE coding_record (
    id         bigserial PRIMARY KEY,
    case_id    text NOT NULL,
    pass       smallint NOT NULL,
    form       text NOT NULL,
    record_key text NOT NULL,
    parent_id  bigint REFERENCES coding_record (id),
    cells      jsonb NOT NULL,
    stored     jsonb,
    saves      int NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL,
    FOREIGN KEY (case_id, pass) REFERENCES coding_pass (case_id, pass),
    UNIQUE (case_id, pass, form, record_key)
);
CREATE INDEX coding_record_parent_idx ON coding_record (parent_id);
COMMENT ON COLUMN coding_record.stored IS 'the form-table row as last read or written by the web application, to detect edits made elsewhere';

-- The two codings of every field as they stood when the case file was reconciled: agreement is
-- measured on the independent codings, not on the reconciled values.
CREATE TABLE coding_agreement_pair (
    case_id      text NOT NULL REFERENCES coding_case (case_id),
    tf_id        text NOT NULL,
    first_coder  text NOT NULL,
    second_coder text NOT NULL,
    form         text NOT NULL,
    record_key   text NOT NULL,
    variable     text NOT NULL,
    first_value  text NOT NULL,
    second_value text NOT NULL,
    PRIMARY KEY (case_id, form, record_key, variable)
);
