-- Migration 2: what the weekly loop adds on top of the core (clinical.md sections 9-10):
-- instrument scores, weekly reviews with their reasons and advice, the link from a program version
-- to the review that wrote it, and reminder settings.

CREATE TABLE instrument_scores (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL CONSTRAINT score_at_is_iso CHECK (length(at) = 20),
    day TEXT NOT NULL CONSTRAINT score_day_is_iso CHECK (length(day) = 10),
    instrument TEXT NOT NULL
        CONSTRAINT score_instrument_known CHECK (instrument IN ('odi', 'rmdq', 'startback')),
    value DOUBLE PRECISION NOT NULL CONSTRAINT score_value_not_negative CHECK (value >= 0),
    band TEXT NOT NULL,
    answers TEXT NOT NULL
);

CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL CONSTRAINT review_at_is_iso CHECK (length(at) = 20),
    day TEXT NOT NULL CONSTRAINT review_day_is_iso CHECK (length(day) = 10),
    week INTEGER NOT NULL CONSTRAINT review_week_from_1 CHECK (week >= 1),
    decision TEXT NOT NULL CONSTRAINT review_decision_known
        CHECK (decision IN ('progress', 'hold', 'regress', 'refer', 'stop')),
    from_stage TEXT NOT NULL,
    to_stage TEXT NOT NULL
);

CREATE TABLE review_reasons (
    review_id BIGINT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    reason_id TEXT NOT NULL,
    reason_text TEXT NOT NULL,
    PRIMARY KEY (review_id, ordinal)
);

CREATE TABLE review_advice (
    review_id BIGINT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    advice_id TEXT NOT NULL CONSTRAINT review_advice_named CHECK (advice_id <> ''),
    PRIMARY KEY (review_id, ordinal)
);

-- Which review wrote a program version; empty for the versions written at the start (and for
-- every version stored before this migration).
ALTER TABLE program_versions ADD COLUMN review_id BIGINT REFERENCES reviews (id);

-- Reminder settings are one row (id 1) once saved; no row means the defaults.
CREATE TABLE reminder_settings (
    id INTEGER PRIMARY KEY CONSTRAINT reminder_settings_single_row CHECK (id = 1),
    work_start_minutes INTEGER NOT NULL
        CONSTRAINT reminder_work_start_in_day CHECK (work_start_minutes BETWEEN 0 AND 1440),
    work_end_minutes INTEGER NOT NULL
        CONSTRAINT reminder_work_end_in_day CHECK (work_end_minutes BETWEEN 0 AND 1440),
    desk_breaks INTEGER NOT NULL CONSTRAINT reminder_desk_breaks_is_boolean CHECK (desk_breaks IN (0, 1)),
    sessions INTEGER NOT NULL CONSTRAINT reminder_sessions_is_boolean CHECK (sessions IN (0, 1))
);

CREATE TABLE reminder_session_times (
    ordinal INTEGER PRIMARY KEY,
    minutes INTEGER NOT NULL CONSTRAINT reminder_time_in_day CHECK (minutes BETWEEN 0 AND 1439)
);

CREATE TABLE reminder_work_days (
    ordinal INTEGER PRIMARY KEY,
    weekday INTEGER NOT NULL CONSTRAINT reminder_weekday_1_to_7 CHECK (weekday BETWEEN 1 AND 7)
);
