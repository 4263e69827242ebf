-- Migration 5: the person's word that they did what a piece of advice asked (issue 14): booked the
-- physical therapist, or were examined. Advice given by a stop in a session or by a weekly review's
-- referral stays on Today until then; the same advice given again later shows again.

CREATE TABLE follow_ups_done (
    id INTEGER PRIMARY KEY,
    advice TEXT NOT NULL CONSTRAINT follow_up_advice_named CHECK (length(advice) BETWEEN 1 AND 64),
    at TEXT NOT NULL CONSTRAINT follow_up_at_is_iso CHECK (length(at) = 20)
);

CREATE INDEX follow_ups_done_by_advice ON follow_ups_done (advice, at);
