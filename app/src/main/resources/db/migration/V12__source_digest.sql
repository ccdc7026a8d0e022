-- Digests of whole files the provider's data plane established (ADR 0010), kept across restarts so that the first
-- pull after one need not hash while it sends. One row per file and algorithm: the version columns say which
-- content the digest is of (device, inode, size, modification and change time in nanoseconds), and any other
-- version of the file does not match them. Ranges are remembered in memory only.
CREATE TABLE source_digest (
    path        TEXT   NOT NULL,
    algorithm   TEXT   NOT NULL,
    device      BIGINT NOT NULL,
    inode       BIGINT NOT NULL,
    size        BIGINT NOT NULL,
    modified_ns BIGINT NOT NULL,
    changed_ns  BIGINT NOT NULL,
    digest      BYTEA  NOT NULL,
    PRIMARY KEY (path, algorithm)
);
