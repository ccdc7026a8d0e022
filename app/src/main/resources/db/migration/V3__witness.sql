-- A witness's memory (C2SP tlog-witness): for each log it witnesses, the latest checkpoint it cosigned, with the
-- log-signed note it cosigned (evidence if the log later shows another tree). Rows only move forward, through
-- compare-and-set updates (UPDATE ... WHERE origin = ? AND size = ? AND root_hash = ?) and insert-if-absent, so
-- concurrent add-checkpoint requests cannot roll a log back (see JdbcWitnessStore).
CREATE TABLE witness_log_state (
    origin      TEXT PRIMARY KEY,
    size        BIGINT      NOT NULL CHECK (size >= 0),
    root_hash   BYTEA       NOT NULL,
    checkpoint  TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- Evidence that a witnessed log misbehaved: a split view (two signed checkpoints of one size with different roots)
-- or a well-formed consistency proof that does not link the cosigned checkpoint to a new one. Append-only.
CREATE TABLE witness_alert (
    id         BIGSERIAL PRIMARY KEY,
    origin     TEXT        NOT NULL,
    reason     TEXT        NOT NULL,
    evidence   TEXT        NOT NULL,
    raised_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX witness_alert_by_origin ON witness_alert (origin, raised_at);
