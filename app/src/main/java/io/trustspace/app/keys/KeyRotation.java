package io.trustspace.app.keys;

import io.trustspace.common.tx.Transactions;
import io.trustspace.ledger.evidence.EvidenceRecord;
import io.trustspace.ledger.outbox.EvidenceRecorder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Rotates one of the node's keys and records the rotation as evidence in the same transaction: either both happen
 * or neither. The record names the node (its DID) and both key ids; its payload states the purpose and algorithm.
 */
public final class KeyRotation {

    private final Transactions transactions;
    private final NodeKeys keys;
    private final EvidenceRecorder evidence;
    private final String did;

    public KeyRotation(Transactions transactions, NodeKeys keys, EvidenceRecorder evidence, String did) {
        this.transactions = transactions;
        this.keys = keys;
        this.evidence = evidence;
        this.did = did;
    }

    /** A completed rotation and the evidence recorded for it. */
    public record Rotation(NodeKeys.PublicNodeKey retired, NodeKeys.PublicNodeKey active, EvidenceRecord evidence) {}

    public Rotation rotate() {
        try {
            return transactions.inTransaction(() -> {
                NodeKeys.PublicNodeKey old = keys.activeKey();
                NodeKeys.PublicNodeKey next = keys.rotate();
                String payload = "{\"purpose\":\"%s\",\"algorithm\":\"%s\",\"retired\":\"%s\",\"active\":\"%s\"}"
                        .formatted(keys.purpose().label(), next.algorithm(), old.kid(), next.kid());
                EvidenceRecord record = evidence.record(
                        "key.rotated",
                        List.of(did, did + "#" + old.kid(), did + "#" + next.kid()),
                        payload.getBytes(StandardCharsets.UTF_8));
                return new Rotation(old, next, record);
            });
        } catch (RuntimeException e) {
            keys.refresh(); // the transaction rolled back: the stored active key is still the old one
            throw e;
        }
    }
}
