package io.trustspace.ledger.log;

import java.time.Instant;

/** A checkpoint the ledger issued: tree size, root, the signed note text (with any cosignatures added later). */
public record StoredCheckpoint(long size, byte[] rootHash, String note, Instant issuedAt) {}
