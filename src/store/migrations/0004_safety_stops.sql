-- Migration 4: answers that stopped the program (issue 14, clinical.md section 1). Whatever page
-- the person opens, an open stop (cleared_at NULL) is shown with its advice, and no session can
-- start, until answers that no longer stop come in. `document` is the intake that was screened;
-- in onboarding it may be the answers given so far, before the intake was complete.

CREATE TABLE safety_stops (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL CONSTRAINT stop_at_is_iso CHECK (length(at) = 20),
    origin TEXT NOT NULL
        CONSTRAINT stop_origin_known CHECK (origin IN ('onboarding', 'rescreen', 'review')),
    verdict TEXT NOT NULL
        CONSTRAINT stop_verdict_stops CHECK (verdict IN ('emergency', 'urgent', 'consult')),
    document TEXT NOT NULL,
    seen_at TEXT CONSTRAINT stop_seen_at_is_iso CHECK (seen_at IS NULL OR length(seen_at) = 20),
    cleared_at TEXT
        CONSTRAINT stop_cleared_at_is_iso CHECK (cleared_at IS NULL OR length(cleared_at) = 20),
    cleared_by_intake BIGINT REFERENCES intakes (id)
);

CREATE INDEX safety_stops_open ON safety_stops (cleared_at, id);
