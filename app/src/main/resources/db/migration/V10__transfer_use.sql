-- The one use a push transfer is counted as, written in the transaction that counts it. A push that starts over
-- after a restart delivers under that same use instead of counting another (a pull counts every request).
CREATE TABLE transfer_use (
    transfer_id   TEXT PRIMARY KEY,
    agreement_id  TEXT        NOT NULL,
    use_number    BIGINT      NOT NULL CHECK (use_number > 0),
    purpose       TEXT,
    counted_at    TIMESTAMPTZ NOT NULL
);
