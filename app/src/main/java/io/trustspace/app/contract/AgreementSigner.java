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
import java.util.function.Supplier;

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
     * Why the counter-signature {@code message} carries is not the counterparty's signature over the agreement of
     * the negotiation it is for, if it is not; empty for messages without one (other connectors send none), and for
     * a negotiation that does not exist ({@code negotiation} is only read when there is a signature to check).
     */
    public Optional<String> refusal(DspMessage message, Supplier<Optional<ContractNegotiation>> negotiation) {
        if (message instanceof ContractAgreementMessage agreed && agreed.providerSignature() != null) {
            return negotiation
                    .get()
                    .flatMap(n -> refusal(n.counterPartyId(), agreed.agreement(), agreed.providerSignature()));
        }
        if (message instanceof ContractAgreementVerificationMessage verified && verified.consumerSignature() != null) {
            return negotiation
                    .get()
                    .filter(n -> n.agreement() != null)
                    .flatMap(n -> refusal(n.counterPartyId(), n.agreement(), verified.consumerSignature()));
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
        Result<PublicKey> key = parties.signingKey(party, header.orElseThrow());
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
