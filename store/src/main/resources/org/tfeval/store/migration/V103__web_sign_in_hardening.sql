-- Sign-in hardening. An account whose password was set by someone else (a one-time or demo
-- password) must choose its own before anything else.
ALTER TABLE web_account ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- Failed sign-ins counted per kind and UTC day instead of one audit event each (a flood of
-- failures must not lengthen the audit chain); the audit log gets one event per lockout and one
-- per block of counted failures.
CREATE TABLE web_sign_in_failure (
    day      date NOT NULL,
    kind     text NOT NULL CHECK (kind IN ('unknown_account', 'wrong_password', 'refused')),
    failures int NOT NULL DEFAULT 0,
    PRIMARY KEY (day, kind)
);
