-- Bitstring status lists of the operator's membership credentials. An entry row is the allocation of an index: it
-- is inserted once and never deleted, so an index is never reused, and its bits survive restarts.
CREATE TABLE status_list (
    list_id      TEXT PRIMARY KEY,
    created_seq  BIGSERIAL NOT NULL UNIQUE,
    entries      INT       NOT NULL CHECK (entries >= 131072)
);

CREATE TABLE status_list_entry (
    list_id    TEXT    NOT NULL REFERENCES status_list (list_id),
    idx        INT     NOT NULL CHECK (idx >= 0),
    revoked    BOOLEAN NOT NULL DEFAULT FALSE,
    suspended  BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (list_id, idx)
);
