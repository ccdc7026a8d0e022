-- DSP messages to counterparties, written in the same transaction as the state change that causes them and
-- delivered after the commit (ADR 0008). Delivered rows are deleted; the ledger keeps the evidence of each change.
CREATE TABLE dsp_outbox (
    id            BIGSERIAL PRIMARY KEY,
    process_id    TEXT        NOT NULL,
    target        TEXT        NOT NULL,
    audience      TEXT        NOT NULL,
    message_type  TEXT        NOT NULL,
    body          JSONB       NOT NULL,
    not_before    TIMESTAMPTZ NOT NULL,
    attempts      INT         NOT NULL DEFAULT 0,
    last_error    TEXT,
    failed        BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX dsp_outbox_due ON dsp_outbox (not_before, id) WHERE NOT failed;
CREATE INDEX dsp_outbox_process ON dsp_outbox (process_id, id) WHERE NOT failed;

-- Agreements in force on this connector, either role: written when a negotiation is FINALIZED, with both
-- signatures over the agreement's RFC 8785 form. State changes (suspension, revocation) are immediate for every
-- later access.
CREATE TABLE contract_agreement (
    agreement_id        TEXT PRIMARY KEY,
    negotiation_id      TEXT        NOT NULL,
    role                TEXT        NOT NULL CHECK (role IN ('PROVIDER', 'CONSUMER')),
    provider            TEXT        NOT NULL,
    consumer            TEXT        NOT NULL,
    dataset_id          TEXT        NOT NULL,
    agreement           JSONB       NOT NULL,
    provider_signature  TEXT,
    consumer_signature  TEXT,
    state               TEXT        NOT NULL DEFAULT 'ACTIVE' CHECK (state IN ('ACTIVE', 'SUSPENDED', 'REVOKED')),
    uses                BIGINT      NOT NULL DEFAULT 0 CHECK (uses >= 0),
    concluded_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX contract_agreement_dataset ON contract_agreement (dataset_id);

-- The provider's decision on each request (taken in the request's transaction from the verified consumer claims),
-- acted on after the commit and again after a restart.
-- The consumer's verified claims at that moment are kept with it: usage control evaluates them on every access.
CREATE TABLE negotiation_decision (
    negotiation_id  TEXT PRIMARY KEY,
    verdict         TEXT  NOT NULL CHECK (verdict IN ('PERMIT', 'DENY', 'MANUAL')),
    reasons         JSONB NOT NULL,
    claims          JSONB NOT NULL DEFAULT '{}'
);
