package io.trustspace.app.evidence;

import io.trustspace.app.keys.NodeKeys;
import io.trustspace.crypto.jose.Jws;
import io.trustspace.ledger.outbox.EvidenceSigner;
import java.util.Map;

/** Signs evidence as this node: compact JWS, detached payload, key id of the node's active signing key. */
public final class NodeEvidenceSigner implements EvidenceSigner {

    private final String did;
    private final NodeKeys keys;

    public NodeEvidenceSigner(String did, NodeKeys keys) {
        this.did = did;
        this.keys = keys;
    }

    @Override
    public String actor() {
        return did;
    }

    @Override
    public String sign(byte[] canonicalRecord) {
        NodeKeys.ActiveKeyPair key = keys.activeKeyPair();
        return Jws.signDetached(
                keys.suite(),
                key.keyPair().getPrivate(),
                key.kid(),
                Map.of("typ", "trustspace-evidence+jws"),
                canonicalRecord);
    }
}
