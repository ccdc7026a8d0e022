-- Participants of the space as the operator admits them (identity module, ParticipantRepository).
-- An individual's resident ID number is never stored: only its keyed hash (HMAC with the node secret) and a
-- masked form. The payload is the validated registration (RegistrationDetails JSON), without the plain number.
CREATE TABLE participant (
    id          TEXT PRIMARY KEY,
    kind        TEXT        NOT NULL CHECK (kind IN ('ORGANISATION', 'INDIVIDUAL', 'SERVICE_PROVIDER')),
    state       TEXT        NOT NULL
                CHECK (state IN ('PENDING', 'UNDER_REVIEW', 'APPROVED', 'REJECTED', 'SUSPENDED', 'REVOKED')),
    version     BIGINT      NOT NULL CHECK (version > 0),
    legal_name  TEXT        NOT NULL,
    uscc        TEXT,
    id_hash     TEXT,
    id_masked   TEXT,
    payload     JSONB       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    -- One participant per organisation and per person, whatever its state (NULLs do not collide).
    CONSTRAINT participant_uscc_unique UNIQUE (uscc),
    CONSTRAINT participant_id_hash_unique UNIQUE (id_hash),
    CONSTRAINT participant_identifier CHECK (
        (kind = 'INDIVIDUAL' AND uscc IS NULL AND id_hash IS NOT NULL AND id_masked IS NOT NULL)
        OR (kind <> 'INDIVIDUAL' AND uscc IS NOT NULL AND id_hash IS NULL AND id_masked IS NULL))
);

-- The manual review queue reads participants by state, longest-waiting first.
CREATE INDEX participant_state_waiting ON participant (state, updated_at, id);

-- Every verification result, in the order recorded (seq counts from 0 per participant); append-only.
CREATE TABLE participant_verification (
    participant_id  TEXT        NOT NULL REFERENCES participant (id),
    seq             INT         NOT NULL CHECK (seq >= 0),
    method          TEXT        NOT NULL,
    outcome         TEXT        NOT NULL CHECK (outcome IN ('VERIFIED', 'MISMATCH', 'NOT_FOUND', 'UNAVAILABLE')),
    level           TEXT        NOT NULL CHECK (level IN ('NONE', 'LOW', 'SUBSTANTIAL', 'HIGH')),
    details         TEXT        NOT NULL,
    checked_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (participant_id, seq)
);

-- Every state transition with who made it and why; the first (from_state NULL) is the registration. Append-only.
CREATE TABLE participant_transition (
    participant_id  TEXT        NOT NULL REFERENCES participant (id),
    seq             INT         NOT NULL CHECK (seq >= 0),
    from_state      TEXT,
    to_state        TEXT        NOT NULL,
    reviewer        TEXT        NOT NULL,
    reason          TEXT        NOT NULL,
    at              TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (participant_id, seq)
);
