-- Failed sign-ins per client address, kept in the database so a restart of the server does not
-- reset the limit. The address is never stored: only a keyed hash of it (HMAC-SHA256 under a key
-- derived from the study's audit key, which lives outside the database), so the table holds no
-- personal data and its rows cannot be matched to addresses by whoever reads the database alone.
-- One row per address and current window; windows that ended are purged.
CREATE TABLE web_sign_in_address (
    address_hash text PRIMARY KEY CHECK (address_hash ~ '^[0-9a-f]{64}$'),
    window_start timestamptz NOT NULL,
    attempts     int NOT NULL CHECK (attempts >= 0)
);
CREATE INDEX web_sign_in_address_window ON web_sign_in_address (window_start);
