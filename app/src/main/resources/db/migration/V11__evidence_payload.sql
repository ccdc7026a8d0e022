-- The payload whose digest each evidence record carries. The ledger holds only the digest; the node that wrote
-- the record keeps what it attests, so it can show it later (GET /api/v1/evidence/{recordId}). Null for records
-- written before payloads were kept.
ALTER TABLE evidence_outbox ADD COLUMN payload BYTEA;
