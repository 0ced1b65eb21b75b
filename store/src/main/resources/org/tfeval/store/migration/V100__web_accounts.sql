-- Accounts of the web application. Task forces are the data access groups: an account of a
-- scoped role sees only the records of its task forces. No foreign key to d_task_force: the
-- instrument's tables are created after the system migrations.
CREATE TABLE web_account (
    id            bigserial PRIMARY KEY,
    name          text NOT NULL UNIQUE,
    role          text NOT NULL CHECK (role IN ('administrator', 'site_coordinator', 'coder', 'analyst', 'task_force_viewer')),
    password_hash text NOT NULL,
    active        boolean NOT NULL DEFAULT true,
    failed_logins int NOT NULL DEFAULT 0,
    locked_until  timestamptz,
    created_at    timestamptz NOT NULL,
    created_by    text NOT NULL
);

CREATE TABLE web_account_task_force (
    account_id bigint NOT NULL REFERENCES web_account (id),
    tf_id      text NOT NULL,
    PRIMARY KEY (account_id, tf_id)
);
