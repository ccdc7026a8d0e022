-- The operator's evidence log. Entries are the canonical JSON of evidence records, appended in index order with
-- the checkpoint covering them in the same transaction (see EvidenceLog); nothing here is ever updated except a
-- checkpoint's note gaining cosignatures.
CREATE TABLE ledger_entry (
    idx          BIGINT PRIMARY KEY CHECK (idx >= 0),
    record_id    TEXT        NOT NULL UNIQUE,
    entry        BYTEA       NOT NULL,
    leaf_hash    BYTEA       NOT NULL,
    jws          TEXT        NOT NULL,
    appended_at  TIMESTAMPTZ NOT NULL
);

-- No foreign key to ledger_entry: rows are written in the same transaction as their entry, and a per-row FK
-- check would cost the group commit an index probe per subject.
CREATE TABLE ledger_subject (
    subject TEXT   NOT NULL,
    idx     BIGINT NOT NULL,
    PRIMARY KEY (subject, idx)
);

CREATE TABLE ledger_checkpoint (
    size       BIGINT PRIMARY KEY CHECK (size > 0),
    root_hash  BYTEA       NOT NULL,
    note       TEXT        NOT NULL,
    issued_at  TIMESTAMPTZ NOT NULL
);

-- Every node's outbox: evidence written in the same transaction as the state change it records, drained to the
-- operator's ledger by a background appender that stores the receipt.
CREATE TABLE evidence_outbox (
    record_id        TEXT PRIMARY KEY,
    seq              BIGSERIAL   NOT NULL UNIQUE,
    type             TEXT        NOT NULL,
    subjects         TEXT[]      NOT NULL,
    entry            BYTEA       NOT NULL,
    jws              TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    state            TEXT        NOT NULL CHECK (state IN ('PENDING', 'APPENDED')),
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    last_error       TEXT,
    leaf_index       BIGINT,
    receipt          TEXT,
    appended_at      TIMESTAMPTZ
);

CREATE INDEX evidence_outbox_pending ON evidence_outbox (next_attempt_at, seq) WHERE state = 'PENDING';

-- The last record this node wrote for each subject: the 'previous' link of the next one.
CREATE TABLE evidence_subject_head (
    subject    TEXT PRIMARY KEY,
    record_id  TEXT NOT NULL
);

-- Keys now have purposes beyond signing: the ledger's log key and the witness's cosignature key.
ALTER TABLE node_key DROP CONSTRAINT node_key_purpose_check;
ALTER TABLE node_key ADD CONSTRAINT node_key_purpose_check CHECK (purpose IN ('signing', 'ledger', 'witness'));

-- Facts about this node that offline tools need (e.g. its DID, to sign evidence of a key rotation as the node).
CREATE TABLE node_setting (
    name   TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
