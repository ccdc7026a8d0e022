-- The connector DID a participant registered with, and the membership credentials the operator issued to it.
CREATE TABLE participant_connector (
    participant_id  TEXT PRIMARY KEY,
    did             TEXT NOT NULL
);

CREATE TABLE participant_credential (
    credential_id   TEXT PRIMARY KEY,
    participant_id  TEXT        NOT NULL,
    jwt             TEXT        NOT NULL,
    list_id         TEXT        NOT NULL,
    idx             INT         NOT NULL,
    valid_until     TIMESTAMPTZ NOT NULL,
    issued_at       TIMESTAMPTZ NOT NULL
);

CREATE INDEX participant_credential_by_participant ON participant_credential (participant_id, issued_at);
