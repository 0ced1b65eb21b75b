-- Performance measures (administrative strand): catalogue versions, imports, reported values (each with the
-- catalogue version it was reported under), revisions of a value, and explanations of LE/VS gaps.
CREATE TABLE measure_catalogue (
    version      text PRIMARY KEY,
    catalogue_id text NOT NULL,
    sha256       text NOT NULL,
    source       text NOT NULL,
    loaded_by    text NOT NULL,
    loaded_at    timestamptz NOT NULL
);

CREATE TABLE measure_import (
    id                bigserial PRIMARY KEY,
    file_name         text NOT NULL,
    file_sha256       text NOT NULL,
    catalogue_version text NOT NULL REFERENCES measure_catalogue (version),
    rows              bigint NOT NULL CHECK (rows >= 0),
    inserted          bigint NOT NULL CHECK (inserted >= 0),
    unchanged         bigint NOT NULL CHECK (unchanged >= 0),
    revised           bigint NOT NULL CHECK (revised >= 0),
    imported_by       text NOT NULL,
    imported_at       timestamptz NOT NULL
);

CREATE TABLE measure_value (
    tf_id             text NOT NULL,
    system            text NOT NULL CHECK (system IN ('LE', 'VS')),
    measure_id        text NOT NULL,
    disaggregation    text NOT NULL,
    period_start      date NOT NULL,
    period_end        date NOT NULL,
    award             text NOT NULL,
    value             bigint NOT NULL CHECK (value >= 0),
    catalogue_version text NOT NULL REFERENCES measure_catalogue (version),
    import_id         bigint NOT NULL REFERENCES measure_import (id),
    PRIMARY KEY (tf_id, system, measure_id, disaggregation, period_start),
    CHECK (period_end > period_start)
);

-- a revised value keeps its earlier number here (the audit log holds only counts)
CREATE TABLE measure_value_revision (
    tf_id          text NOT NULL,
    system         text NOT NULL,
    measure_id     text NOT NULL,
    disaggregation text NOT NULL,
    period_start   date NOT NULL,
    old_value      bigint NOT NULL,
    new_value      bigint NOT NULL,
    import_id      bigint NOT NULL REFERENCES measure_import (id)
);

CREATE TABLE measure_gap_note (
    id           bigserial PRIMARY KEY,
    tf_id        text NOT NULL,
    pair_id      text NOT NULL,
    period_start date NOT NULL,
    explanation  text NOT NULL CHECK (length(explanation) BETWEEN 1 AND 4000),
    noted_by     text NOT NULL,
    noted_at     timestamptz NOT NULL
);
CREATE INDEX measure_gap_note_key ON measure_gap_note (tf_id, pair_id, period_start, noted_at);
