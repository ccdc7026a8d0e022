-- Catalog resources as the operator reviews and lists them (catalog module, JdbcResourceRepository).
-- On the operator the data address is a reference to the provider's connector, never where the bytes are.
CREATE TABLE catalog_resource (
    id                  TEXT PRIMARY KEY,
    kind                TEXT        NOT NULL CHECK (kind IN ('DATASET', 'DATA_PRODUCT', 'DATA_SERVICE')),
    provider            TEXT        NOT NULL,
    local_id            TEXT        NOT NULL,
    revision            INT         NOT NULL CHECK (revision > 0),
    state               TEXT        NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED', 'LISTED', 'REJECTED', 'DELISTED')),
    identifier          TEXT,
    version             BIGINT      NOT NULL CHECK (version > 0),
    metadata            JSONB       NOT NULL,
    data_address        JSONB,
    findings            JSONB       NOT NULL,
    transitions         JSONB       NOT NULL,
    last_transition_at  TIMESTAMPTZ NOT NULL,
    -- One identifier, one resource, for ever (also after delisting).
    CONSTRAINT catalog_resource_key UNIQUE (provider, local_id, revision),
    CONSTRAINT catalog_resource_identifier UNIQUE (identifier),
    CONSTRAINT catalog_resource_minted CHECK ((identifier IS NOT NULL) = (state IN ('LISTED', 'DELISTED')))
);
CREATE INDEX catalog_resource_waiting ON catalog_resource (state, last_transition_at, id);
CREATE INDEX catalog_resource_by_provider ON catalog_resource (provider, last_transition_at DESC, id);

-- Who may see a resource (access policy) and what may be negotiated for it (offers), as the provider declared them
-- with the resource; both are ODRL JSON-LD. The operator uses the access policy to filter resolution and search.
CREATE TABLE catalog_resource_policy (
    resource_id        TEXT  PRIMARY KEY REFERENCES catalog_resource (id),
    access_policy      JSONB,
    offers             JSONB NOT NULL,
    connector_address  TEXT  NOT NULL
);

-- A provider connector's own resources: the data address (only ever read by its data plane), the policies, and the
-- state and identifier mirrored from the operator's review.
CREATE TABLE catalog_asset (
    local_id        TEXT PRIMARY KEY,
    kind            TEXT        NOT NULL CHECK (kind IN ('DATASET', 'DATA_PRODUCT', 'DATA_SERVICE')),
    resource_id     TEXT,
    state           TEXT        NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED', 'LISTED', 'REJECTED', 'DELISTED')),
    identifier      TEXT,
    metadata        JSONB       NOT NULL,
    data_address    JSONB       NOT NULL,
    access_policy   JSONB,
    offers          JSONB       NOT NULL,
    findings        JSONB       NOT NULL DEFAULT '[]',
    remote_version  BIGINT      NOT NULL DEFAULT 0,
    modified_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX catalog_asset_listed ON catalog_asset (state, modified_at);

-- The operator's harvest of connectors' and peer spaces' DSP catalogs: one row per harvested dataset, the source of
-- the search index (a rebuildable projection of this table).
CREATE TABLE catalog_harvested (
    source          TEXT        NOT NULL,
    dataset_id      TEXT        NOT NULL,
    identifier      TEXT        NOT NULL,
    space           TEXT        NOT NULL,
    provider        TEXT        NOT NULL,
    document        JSONB       NOT NULL,
    access_policy   JSONB,
    harvested_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (source, dataset_id)
);
CREATE INDEX catalog_harvested_identifier ON catalog_harvested (identifier);
