-- Migration 6: the person's word on each exercise after a session, and the changes a program
-- version makes to single exercises because of it (issue 14, clinical.md section 9): an easier
-- version held after "too hard" or "hurt", a harder one offered after "too easy" and taken or not.

-- One rating per exercise and session; a second tap replaces the first.
CREATE TABLE exercise_feedback (
    session_id BIGINT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    item TEXT NOT NULL CONSTRAINT feedback_item_named CHECK (length(item) BETWEEN 1 AND 64),
    rating TEXT NOT NULL
        CONSTRAINT feedback_rating_known CHECK (rating IN ('too_easy', 'right', 'too_hard', 'hurt')),
    at TEXT NOT NULL CONSTRAINT feedback_at_is_iso CHECK (length(at) = 20),
    PRIMARY KEY (session_id, item)
);

-- `item` is the routine's own exercise, `use_instead` what plays in its place (empty: left out).
CREATE TABLE program_version_changes (
    program_version_id BIGINT NOT NULL REFERENCES program_versions (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    item TEXT NOT NULL CONSTRAINT change_item_named CHECK (item <> ''),
    use_instead TEXT NOT NULL,
    kind TEXT NOT NULL CONSTRAINT change_kind_known CHECK (kind IN ('easier', 'harder')),
    reason_id TEXT NOT NULL,
    accepted_at TEXT CONSTRAINT change_accepted_at_is_iso
        CHECK (accepted_at IS NULL OR length(accepted_at) = 20),
    PRIMARY KEY (program_version_id, ordinal)
);
