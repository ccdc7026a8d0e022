-- Key pairs of this node. Private keys are sealed (encrypted with a key derived from the node passphrase) before
-- they reach this table; retired keys stay so that signatures made with them can still be verified.
CREATE TABLE key_store (
    id           SMALLINT PRIMARY KEY CHECK (id = 1),
    suite        TEXT        NOT NULL CHECK (suite IN ('intl', 'gm')),
    kdf          TEXT        NOT NULL,
    check_value  TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE node_key (
    kid            TEXT PRIMARY KEY,
    purpose        TEXT        NOT NULL CHECK (purpose IN ('signing')),
    algorithm      TEXT        NOT NULL,
    public_key_pem TEXT        NOT NULL,
    sealed_private TEXT        NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'RETIRED')),
    created_at     TIMESTAMPTZ NOT NULL,
    retired_at     TIMESTAMPTZ
);

-- At most one active key per purpose; rotation retires the old one in the same transaction.
CREATE UNIQUE INDEX node_key_one_active ON node_key (purpose) WHERE status = 'ACTIVE';
