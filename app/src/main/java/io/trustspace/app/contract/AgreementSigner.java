package io.trustspace.app.contract;

import io.trustspace.app.did.DidKeyResolver;
import io.trustspace.app.keys.NodeKeys;
import io.trustspace.common.Result;
import io.trustspace.contract.message.Agreement;
import io.trustspace.contract.message.ContractAgreementMessage;
import io.trustspace.contract.message.ContractAgreementVerificationMessage;
import io.trustspace.contract.message.DspMessage;
import io.trustspace.contract.negotiation.ContractNegotiation;
import io.trustspace.crypto.jose.Jws;
import io.trustspace.crypto.jose.VerifiedJws;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;

/**
 * Signs agreements for this connector (使用合约) and checks the counterparty's: a compact JWS with a detached payload
 * over the agreement's RFC 8785 form, in the node's suite (EdDSA or SM2SM3), with the signing key's id, so either
 * party can later prove the terms against the other's DID document. The signatures travel in the agreement and
 * verification messages; one that does not verify is refused before it is stored.
 */
public final class AgreementSigner {

    static final String TYPE = "trustspace-agreement+jws";

    private final NodeKeys keys;
    private final DidKeyResolver parties;

    public AgreementSigner(NodeKeys keys, DidKeyResolver parties) {
        this.keys = keys;
        this.parties = parties;
    }

    public String sign(Agreement agreement) {
        NodeKeys.ActiveKeyPair key = keys.activeKeyPair();
        return Jws.signDetached(
                keys.suite(), key.keyPair().getPrivate(), key.kid(), Map.of("typ", TYPE), agreement.canonicalBytes());
    }

    /**
     * Why the counter-signature {@code message} carries for negotiation {@code n} is not the counterparty's signature
     * over the agreement, if it is not; empty for messages without one (other connectors send none).
     */
    public Optional<String> refusal(ContractNegotiation n, DspMessage message) {
        if (message instanceof ContractAgreementMessage agreed && agreed.providerSignature() != null) {
            return refusal(n.counterPartyId(), agreed.agreement(), agreed.providerSignature());
        }
        if (message instanceof ContractAgreementVerificationMessage verified
                && verified.consumerSignature() != null
                && n.agreement() != null) {
            return refusal(n.counterPartyId(), n.agreement(), verified.consumerSignature());
        }
        return Optional.empty();
    }

    private Optional<String> refusal(String party, Agreement agreement, String jws) {
        Result<Map<String, Object>> header = Jws.unverifiedHeader(jws);
        if (header instanceof Result.Failure<Map<String, Object>> bad) {
            return Optional.of("the agreement signature is not a JWS: " + bad.reason());
        }
        if (!TYPE.equals(header.orElseThrow().get("typ"))) {
            return Optional.of("the agreement signature's typ must be " + TYPE);
        }
        if (!(header.orElseThrow().get("kid") instanceof String kid) || kid.isBlank()) {
            return Optional.of("the agreement signature has no kid naming a key of " + party);
        }
        // Only a verification method of the counterparty's own DID document will do.
        Result<PublicKey> key = parties.resolve(party, kid);
        if (key instanceof Result.Failure<PublicKey> unresolved) {
            return Optional.of("the agreement signature's key is not one of " + party + "'s: " + unresolved.reason());
        }
        Result<VerifiedJws> verified = Jws.verifyDetached(jws, agreement.canonicalBytes(), key.orElseThrow());
        if (verified instanceof Result.Failure<VerifiedJws> rejected) {
            return Optional.of("the agreement signature of " + party + " does not verify: " + rejected.reason());
        }
        return Optional.empty();
    }
}
