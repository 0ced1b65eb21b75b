-- Restricted-use access (issue 12, item 7): applications for the restricted files, the steward's
-- decision, renewals, annual reports and the destruction certificate that closes an access; the
-- transfer log of every restricted package issued (28 CFR 22 style) and the marks that trace a
-- leaked file back to its issue. The transfer log, its marks, renewals, reports and certificates
-- are append-only; only an application's status moves (submitted -> approved | denied, approved ->
-- closed), and every change is an audit event.
CREATE TABLE access_application (
    id               bigserial PRIMARY KEY,
    applicant        text NOT NULL,
    email            text NOT NULL,
    institution      text NOT NULL,
    purpose          text NOT NULL,
    irb_kind         text NOT NULL CHECK (irb_kind IN ('approval', 'exemption')),
    irb_reference    text NOT NULL,
    irb_date         date NOT NULL,
    irb_expires      date,
    security_plan    text NOT NULL,
    agreement_file   text NOT NULL,
    agreement_sha256 text NOT NULL CHECK (agreement_sha256 ~ '^[0-9a-f]{64}$'),
    agreement_signed date NOT NULL,
    status           text NOT NULL CHECK (status IN ('submitted', 'approved', 'denied', 'closed')),
    submitted_by     text NOT NULL,
    submitted_at     timestamptz NOT NULL,
    decided_by       text,
    decided_at       timestamptz,
    decision_reason  text,
    granted_on       date,
    expires_on       date,
    CHECK (status = 'submitted' OR (decided_by IS NOT NULL AND decision_reason IS NOT NULL)),
    CHECK (status NOT IN ('approved', 'closed') OR (granted_on IS NOT NULL AND expires_on > granted_on))
);

CREATE TABLE access_renewal (
    application_id  bigint NOT NULL REFERENCES access_application (id),
    seq             int NOT NULL,
    renewed_by      text NOT NULL,
    renewed_at      timestamptz NOT NULL,
    previous_expiry date NOT NULL,
    new_expiry      date NOT NULL CHECK (new_expiry > previous_expiry),
    reason          text NOT NULL,
    PRIMARY KEY (application_id, seq)
);

CREATE TABLE access_annual_report (
    application_id bigint NOT NULL REFERENCES access_application (id),
    year_no        int NOT NULL CHECK (year_no >= 1),
    due_on         date NOT NULL,
    received_on    date NOT NULL,
    file_ref       text NOT NULL,
    file_sha256    text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
    recorded_by    text NOT NULL,
    recorded_at    timestamptz NOT NULL,
    PRIMARY KEY (application_id, year_no)
);

CREATE TABLE access_destruction (
    application_id     bigint PRIMARY KEY REFERENCES access_application (id),
    destroyed_on       date NOT NULL,
    certified_by       text NOT NULL,
    certificate_file   text NOT NULL,
    certificate_sha256 text NOT NULL CHECK (certificate_sha256 ~ '^[0-9a-f]{64}$'),
    recorded_by        text NOT NULL,
    recorded_at        timestamptz NOT NULL
);

-- Every restricted package issued: to whom, when, by whom, which snapshot and release.
CREATE TABLE access_transfer (
    issue_id         text PRIMARY KEY,
    application_id   bigint NOT NULL REFERENCES access_application (id),
    recipient        text NOT NULL,
    institution      text NOT NULL,
    issued_at        timestamptz NOT NULL,
    issued_by        text NOT NULL,
    snapshot_id      text NOT NULL,
    release_level    text NOT NULL,
    release_manifest_sha256 text NOT NULL CHECK (release_manifest_sha256 ~ '^[0-9a-f]{64}$'),
    files            int NOT NULL CHECK (files > 0),
    marks            int NOT NULL CHECK (marks > 0),
    expires_on       date NOT NULL
);
CREATE INDEX access_transfer_application_idx ON access_transfer (application_id);

-- What identifies an issue in a leaked copy: the SHA-256 of each file as issued ('file') and of
-- each identifier pseudonym drawn for that issue alone ('pseudonym'). Digests only: no value.
CREATE TABLE access_mark (
    digest   text NOT NULL CHECK (digest ~ '^[0-9a-f]{64}$'),
    issue_id text NOT NULL REFERENCES access_transfer (issue_id),
    kind     text NOT NULL CHECK (kind IN ('file', 'pseudonym')),
    PRIMARY KEY (digest, issue_id)
);

CREATE FUNCTION access_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the restricted-access records are append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME;
END $$;
CREATE TRIGGER access_transfer_append_only BEFORE UPDATE OR DELETE ON access_transfer
    FOR EACH ROW EXECUTE FUNCTION access_append_only();
CREATE TRIGGER access_transfer_no_truncate BEFORE TRUNCATE ON access_transfer
    FOR EACH STATEMENT EXECUTE FUNCTION access_append_only();
CREATE TRIGGER access_mark_append_only BEFORE UPDATE OR DELETE ON access_mark
    FOR EACH ROW EXECUTE FUNCTION access_append_only();
CREATE TRIGGER access_mark_no_truncate BEFORE TRUNCATE ON access_mark
    FOR EACH STATEMENT EXECUTE FUNCTION access_append_only();
CREATE TRIGGER access_renewal_append_only BEFORE UPDATE OR DELETE ON access_renewal
    FOR EACH ROW EXECUTE FUNCTION access_append_only();
CREATE TRIGGER access_annual_report_append_only BEFORE UPDATE OR DELETE ON access_annual_report
    FOR EACH ROW EXECUTE FUNCTION access_append_only();
CREATE TRIGGER access_destruction_append_only BEFORE UPDATE OR DELETE ON access_destruction
    FOR EACH ROW EXECUTE FUNCTION access_append_only();
-- A closed or denied application stays as it is: its record is the evidence.
CREATE FUNCTION access_application_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.status IN ('denied', 'closed') THEN
        RAISE EXCEPTION 'a % access application cannot be changed or deleted', OLD.status;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER access_application_final BEFORE UPDATE OR DELETE ON access_application
    FOR EACH ROW EXECUTE FUNCTION access_application_final();
