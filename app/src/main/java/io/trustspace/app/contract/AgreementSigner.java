package io.trustspace.app.contract;

import io.trustspace.app.keys.NodeKeys;
import io.trustspace.contract.message.Agreement;
import io.trustspace.crypto.jose.Jws;
import java.util.Map;

/**
 * Signs agreements for this connector (使用合约): a compact JWS with a detached payload over the agreement's RFC 8785
 * form, in the node's suite (EdDSA or SM2SM3), with the signing key's id so either party can later prove the terms
 * against this node's DID document.
 */
public final class AgreementSigner {

    private final NodeKeys keys;

    public AgreementSigner(NodeKeys keys) {
        this.keys = keys;
    }

    public String sign(Agreement agreement) {
        NodeKeys.ActiveKeyPair key = keys.activeKeyPair();
        return Jws.signDetached(
                keys.suite(),
                key.keyPair().getPrivate(),
                key.kid(),
                Map.of("typ", "trustspace-agreement+jws"),
                agreement.canonicalBytes());
    }
}
