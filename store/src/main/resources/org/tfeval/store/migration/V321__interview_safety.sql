-- Safety in the interview workflow (issue 16, item 5): the site's referral list, a participant's safe
-- contact method (the method only, never a number or address), the interview's progress and its
-- distress protocol. Operational records outside the instrument: never in a snapshot, so never in any
-- release tier. Each table keeps its history (rows are only added).
CREATE TABLE protect_referral_list (
    id          bigserial PRIMARY KEY,
    tf_id       text NOT NULL,
    version     text NOT NULL,
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL
);

CREATE TABLE protect_safe_contact (
    id             bigserial PRIMARY KEY,
    participant_id text NOT NULL,
    method         text NOT NULL,
    recorded_by    text NOT NULL,
    recorded_at    timestamptz NOT NULL
);

CREATE TABLE protect_interview_event (
    id           bigserial PRIMARY KEY,
    interview_id text NOT NULL,
    event        text NOT NULL,
    recorded_by  text NOT NULL,
    recorded_at  timestamptz NOT NULL
);
