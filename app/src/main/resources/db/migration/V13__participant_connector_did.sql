-- The ledger admits records only from actors the space has credentialed; it looks them up by connector DID.
CREATE INDEX participant_connector_by_did ON participant_connector (did);
