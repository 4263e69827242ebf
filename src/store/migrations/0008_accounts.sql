-- Migration 8: the clinic's accounts, care links, sign-in and audit trail (clinic.md, issue 15).
-- None of these tables holds health data. Secrets are stored only as hashes: a password as
-- libsodium's argon2id string, a session token and an invitation code as a BLAKE2b digest in hex.
-- A database with no account stays in personal mode.

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE CONSTRAINT username_length CHECK (length(username) BETWEEN 1 AND 64),
    role TEXT NOT NULL CONSTRAINT account_role CHECK (role IN ('person', 'clinician', 'admin')),
    person_id BIGINT REFERENCES people (id),
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0 CONSTRAINT account_disabled_is_flag CHECK (disabled IN (0, 1)),
    created_at TEXT NOT NULL CONSTRAINT account_created_at_is_iso CHECK (length(created_at) = 20)
);
CREATE INDEX accounts_by_person ON accounts (person_id);

CREATE TABLE sign_in_sessions (
    token_digest TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL CONSTRAINT session_created_at_is_iso CHECK (length(created_at) = 20),
    last_seen_at TEXT NOT NULL CONSTRAINT session_seen_at_is_iso CHECK (length(last_seen_at) = 20)
);
CREATE INDEX sign_in_sessions_by_account ON sign_in_sessions (account_id);

-- What failed is a digest (of an account name as typed, or of a client address), so that neither
-- a mistyped password in the name field nor an address is kept in the clear.
CREATE TABLE sign_in_failures (
    subject TEXT NOT NULL,
    at TEXT NOT NULL CONSTRAINT failure_at_is_iso CHECK (length(at) = 20)
);
CREATE INDEX sign_in_failures_by_subject ON sign_in_failures (subject, at);

CREATE TABLE care_links (
    clinician_id BIGINT NOT NULL REFERENCES accounts (id),
    person_id BIGINT NOT NULL REFERENCES people (id),
    origin TEXT NOT NULL CONSTRAINT care_origin CHECK (origin IN ('registered', 'invitation')),
    since TEXT NOT NULL CONSTRAINT care_since_is_iso CHECK (length(since) = 20),
    PRIMARY KEY (clinician_id, person_id)
);
CREATE INDEX care_links_by_person ON care_links (person_id);

CREATE TABLE invitations (
    id INTEGER PRIMARY KEY,
    code_digest TEXT NOT NULL UNIQUE,
    clinician_id BIGINT NOT NULL REFERENCES accounts (id),
    created_at TEXT NOT NULL CONSTRAINT invitation_created_at_is_iso CHECK (length(created_at) = 20),
    expires_at TEXT NOT NULL CONSTRAINT invitation_expires_at_is_iso CHECK (length(expires_at) = 20),
    used_at TEXT CONSTRAINT invitation_used_at_is_iso CHECK (used_at IS NULL OR length(used_at) = 20)
);
CREATE INDEX invitations_by_clinician ON invitations (clinician_id);

-- Append-only. `digest` is SHA-256 over the event's fields and `previous_digest`, the digest of
-- the event before it (64 zeros for the first), so `unload audit --verify` finds a row changed,
-- inserted or deleted anywhere in the chain.
CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL CONSTRAINT audit_at_is_iso CHECK (length(at) = 20),
    actor TEXT NOT NULL,
    account_id BIGINT,
    role TEXT NOT NULL,
    action TEXT NOT NULL,
    person_id BIGINT,
    resource TEXT NOT NULL,
    outcome TEXT NOT NULL,
    request_id TEXT NOT NULL,
    address TEXT NOT NULL,
    previous_digest TEXT NOT NULL CONSTRAINT audit_previous_is_sha256 CHECK (length(previous_digest) = 64),
    digest TEXT NOT NULL CONSTRAINT audit_digest_is_sha256 CHECK (length(digest) = 64)
);
CREATE INDEX audit_events_by_person ON audit_events (person_id, id);
CREATE INDEX audit_events_by_account ON audit_events (account_id, id);
