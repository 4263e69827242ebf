-- Migration 3: answers kept under a client's Idempotency-Key (docs/openapi.yaml), so that a
-- request resent after a lost answer is answered again instead of storing its record twice.
-- Kept for a day; `forget` deletes them with everything else.

CREATE TABLE kept_answers (
    key TEXT PRIMARY KEY CONSTRAINT kept_key_length CHECK (length(key) BETWEEN 1 AND 255),
    request TEXT NOT NULL,
    status INTEGER NOT NULL CONSTRAINT kept_status_is_success CHECK (status BETWEEN 200 AND 299),
    body TEXT NOT NULL,
    at TEXT NOT NULL CONSTRAINT kept_at_is_iso CHECK (length(at) = 20)
);

CREATE INDEX kept_answers_by_time ON kept_answers (at);
