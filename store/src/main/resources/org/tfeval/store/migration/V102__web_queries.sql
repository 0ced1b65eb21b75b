-- Data-quality queries on a field of a coded record: open -> answered -> closed, with a thread.
CREATE TABLE dq_query (
    id         bigserial PRIMARY KEY,
    case_id    text NOT NULL REFERENCES coding_case (case_id),
    tf_id      text NOT NULL,
    form       text NOT NULL,
    record_key text NOT NULL,
    variable   text,
    origin     text NOT NULL CHECK (origin IN ('rule', 'coordinator')),
    rule_code  text,
    status     text NOT NULL CHECK (status IN ('open', 'answered', 'closed')),
    opened_by  text NOT NULL,
    opened_at  timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX dq_query_case_idx ON dq_query (case_id);
CREATE INDEX dq_query_open_idx ON dq_query (tf_id) WHERE status <> 'closed';

CREATE TABLE dq_query_message (
    query_id     bigint NOT NULL REFERENCES dq_query (id),
    seq          int NOT NULL,
    author       text NOT NULL,
    at           timestamptz NOT NULL,
    body         text NOT NULL,
    status_after text NOT NULL CHECK (status_after IN ('open', 'answered', 'closed')),
    PRIMARY KEY (query_id, seq)
);
