-- DSP contract negotiations and transfer processes, both roles (contract module aggregates; app.contract
-- JdbcNegotiationRepository, JdbcTransferProcessRepository). One row per process: the columns the repositories look
-- up by, plus the whole aggregate as JSON (NegotiationJson / TransferJson), which is what is read back. Process ids
-- are opaque: compared and ordered byte-wise (COLLATE "C"), as the in-memory repositories do.
CREATE TABLE contract_negotiation (
    id                 TEXT COLLATE "C" PRIMARY KEY,
    role               TEXT             NOT NULL CHECK (role IN ('PROVIDER', 'CONSUMER')),
    provider_pid       TEXT COLLATE "C",
    consumer_pid       TEXT COLLATE "C" NOT NULL,
    counter_party_id   TEXT             NOT NULL,
    -- The other side's pid: the consumerPid as provider, the providerPid as consumer (NULL until a consumer learns it).
    counter_party_pid  TEXT COLLATE "C" GENERATED ALWAYS AS
                           (CASE role WHEN 'PROVIDER' THEN consumer_pid ELSE provider_pid END) STORED,
    state              TEXT             NOT NULL CHECK (state IN ('INITIAL', 'REQUESTED', 'OFFERED', 'ACCEPTED',
                                                                  'AGREED', 'VERIFIED', 'FINALIZED', 'TERMINATED')),
    dataset_id         TEXT             NOT NULL,
    version            BIGINT           NOT NULL CHECK (version > 0),
    body               JSONB            NOT NULL,
    created_at         TIMESTAMPTZ      NOT NULL,
    updated_at         TIMESTAMPTZ      NOT NULL,
    -- Our own pid is the id.
    CONSTRAINT contract_negotiation_own_pid
        CHECK (CASE role WHEN 'PROVIDER' THEN provider_pid = id ELSE consumer_pid = id END),
    -- One negotiation per counterparty pid and role, so a retried initial request cannot open a second one. NULLs are
    -- distinct: any number of consumer negotiations may not know the provider's pid yet.
    CONSTRAINT contract_negotiation_counter_party UNIQUE (role, counter_party_id, counter_party_pid)
);
CREATE INDEX contract_negotiation_by_provider_pid ON contract_negotiation (provider_pid);
CREATE INDEX contract_negotiation_by_consumer_pid ON contract_negotiation (consumer_pid);
CREATE INDEX contract_negotiation_waiting ON contract_negotiation (state, updated_at, id);

CREATE TABLE transfer_process (
    id                 TEXT COLLATE "C" PRIMARY KEY,
    role               TEXT             NOT NULL CHECK (role IN ('PROVIDER', 'CONSUMER')),
    provider_pid       TEXT COLLATE "C",
    consumer_pid       TEXT COLLATE "C" NOT NULL,
    counter_party_id   TEXT             NOT NULL,
    counter_party_pid  TEXT COLLATE "C" GENERATED ALWAYS AS
                           (CASE role WHEN 'PROVIDER' THEN consumer_pid ELSE provider_pid END) STORED,
    state              TEXT             NOT NULL CHECK (state IN ('INITIAL', 'REQUESTED', 'STARTED', 'SUSPENDED',
                                                                  'COMPLETED', 'TERMINATED')),
    agreement_id       TEXT             NOT NULL,
    version            BIGINT           NOT NULL CHECK (version > 0),
    -- Holds the data address, whose endpoint properties are often credentials.
    body               JSONB            NOT NULL,
    created_at         TIMESTAMPTZ      NOT NULL,
    updated_at         TIMESTAMPTZ      NOT NULL,
    CONSTRAINT transfer_process_own_pid
        CHECK (CASE role WHEN 'PROVIDER' THEN provider_pid = id ELSE consumer_pid = id END),
    CONSTRAINT transfer_process_counter_party UNIQUE (role, counter_party_id, counter_party_pid)
);
CREATE INDEX transfer_process_by_provider_pid ON transfer_process (provider_pid);
CREATE INDEX transfer_process_by_consumer_pid ON transfer_process (consumer_pid);
CREATE INDEX transfer_process_waiting ON transfer_process (state, updated_at, id);
