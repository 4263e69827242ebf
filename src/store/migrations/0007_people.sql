-- Migration 7: many people on one server (clinic.md, issue 15). Every record now belongs to a
-- person. A database that already holds a record held one person's: they become person 1, and
-- nothing else changes for them.
--
-- The tables at the top of a record carry `person_id`; the rows below them (a session's steps and
-- events, a program version's reasons and changes, a review's reasons and advice, a session's
-- ratings) belong to the person of the row they hang from, and go with it (ON DELETE CASCADE).
--
-- SQLite can add a NOT NULL column only with a default. The default is 0, a person who never
-- exists: a row written without its person can be read by nobody, rather than by person 1.

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CONSTRAINT person_name_length CHECK (length(name) <= 200),
    created_at TEXT NOT NULL CONSTRAINT person_created_at_is_iso CHECK (length(created_at) = 20)
);

-- The person of an existing record, known since their first stored answer.
INSERT INTO people (id, name, created_at)
SELECT 1, '', coalesce((SELECT min(at) FROM intakes), (SELECT min(at) FROM safety_stops),
                       (SELECT min(at) FROM pain_entries), (SELECT min(at) FROM instrument_scores),
                       (SELECT min(at) FROM follow_ups_done), (SELECT min(at) FROM kept_answers),
                       '1970-01-01T00:00:00Z')
WHERE EXISTS (SELECT 1 FROM intakes) OR EXISTS (SELECT 1 FROM safety_stops)
   OR EXISTS (SELECT 1 FROM pain_entries) OR EXISTS (SELECT 1 FROM instrument_scores)
   OR EXISTS (SELECT 1 FROM follow_ups_done) OR EXISTS (SELECT 1 FROM reminder_settings)
   OR EXISTS (SELECT 1 FROM kept_answers);

ALTER TABLE intakes ADD COLUMN person_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE program_versions ADD COLUMN person_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN person_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE pain_entries ADD COLUMN person_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE instrument_scores ADD COLUMN person_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE reviews ADD COLUMN person_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE safety_stops ADD COLUMN person_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE follow_ups_done ADD COLUMN person_id BIGINT NOT NULL DEFAULT 0;

UPDATE intakes SET person_id = 1;
UPDATE program_versions SET person_id = 1;
UPDATE sessions SET person_id = 1;
UPDATE pain_entries SET person_id = 1;
UPDATE instrument_scores SET person_id = 1;
UPDATE reviews SET person_id = 1;
UPDATE safety_stops SET person_id = 1;
UPDATE follow_ups_done SET person_id = 1;

-- Every read of a record starts from its person.
CREATE INDEX intakes_by_person ON intakes (person_id, at);
CREATE INDEX program_versions_by_person ON program_versions (person_id, created_at);
DROP INDEX sessions_by_day;
CREATE INDEX sessions_by_person_day ON sessions (person_id, day);
DROP INDEX pain_entries_by_day;
CREATE INDEX pain_entries_by_person_day ON pain_entries (person_id, day);
CREATE INDEX instrument_scores_by_person ON instrument_scores (person_id, at);
CREATE INDEX reviews_by_person ON reviews (person_id, at);
DROP INDEX safety_stops_open;
CREATE INDEX safety_stops_open ON safety_stops (person_id, cleared_at, id);
DROP INDEX follow_ups_done_by_advice;
CREATE INDEX follow_ups_done_by_advice ON follow_ups_done (person_id, advice, at);

-- Tables keyed by something that was unique for one person are rebuilt with the person in their
-- key: the reminder settings (one row each), their lists, and the answers kept for retries (an
-- idempotency key is the caller's own, so two people may pick the same one).
CREATE TABLE reminder_settings_by_person (
    person_id BIGINT PRIMARY KEY,
    work_start_minutes INTEGER NOT NULL
        CONSTRAINT reminder_work_start_in_day CHECK (work_start_minutes BETWEEN 0 AND 1440),
    work_end_minutes INTEGER NOT NULL
        CONSTRAINT reminder_work_end_in_day CHECK (work_end_minutes BETWEEN 0 AND 1440),
    desk_breaks INTEGER NOT NULL CONSTRAINT reminder_desk_breaks_is_boolean CHECK (desk_breaks IN (0, 1)),
    sessions INTEGER NOT NULL CONSTRAINT reminder_sessions_is_boolean CHECK (sessions IN (0, 1))
);
INSERT INTO reminder_settings_by_person
SELECT 1, work_start_minutes, work_end_minutes, desk_breaks, sessions FROM reminder_settings;
DROP TABLE reminder_settings;
ALTER TABLE reminder_settings_by_person RENAME TO reminder_settings;

CREATE TABLE reminder_session_times_by_person (
    person_id BIGINT NOT NULL,
    ordinal INTEGER NOT NULL,
    minutes INTEGER NOT NULL CONSTRAINT reminder_time_in_day CHECK (minutes BETWEEN 0 AND 1439),
    PRIMARY KEY (person_id, ordinal)
);
INSERT INTO reminder_session_times_by_person SELECT 1, ordinal, minutes FROM reminder_session_times;
DROP TABLE reminder_session_times;
ALTER TABLE reminder_session_times_by_person RENAME TO reminder_session_times;

CREATE TABLE reminder_work_days_by_person (
    person_id BIGINT NOT NULL,
    ordinal INTEGER NOT NULL,
    weekday INTEGER NOT NULL CONSTRAINT reminder_weekday_1_to_7 CHECK (weekday BETWEEN 1 AND 7),
    PRIMARY KEY (person_id, ordinal)
);
INSERT INTO reminder_work_days_by_person SELECT 1, ordinal, weekday FROM reminder_work_days;
DROP TABLE reminder_work_days;
ALTER TABLE reminder_work_days_by_person RENAME TO reminder_work_days;

CREATE TABLE kept_answers_by_person (
    person_id BIGINT NOT NULL,
    key TEXT NOT NULL CONSTRAINT kept_key_length CHECK (length(key) BETWEEN 1 AND 255),
    request TEXT NOT NULL,
    status INTEGER NOT NULL CONSTRAINT kept_status_is_success CHECK (status BETWEEN 200 AND 299),
    body TEXT NOT NULL,
    at TEXT NOT NULL CONSTRAINT kept_at_is_iso CHECK (length(at) = 20),
    PRIMARY KEY (person_id, key)
);
INSERT INTO kept_answers_by_person SELECT 1, key, request, status, body, at FROM kept_answers;
DROP TABLE kept_answers;
ALTER TABLE kept_answers_by_person RENAME TO kept_answers;
CREATE INDEX kept_answers_by_time ON kept_answers (at);
