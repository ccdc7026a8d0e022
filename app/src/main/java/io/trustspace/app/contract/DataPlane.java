package io.trustspace.app.contract;

import io.trustspace.app.keys.NodeKeys;
import io.trustspace.common.Result;
import io.trustspace.contract.message.DataAddress;
import io.trustspace.contract.message.EndpointProperty;
import io.trustspace.contract.transfer.TransferProcess;
import io.trustspace.crypto.jose.Jws;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider's pull endpoint addresses and their access tokens. A token is a JWS signed by this node naming the
 * transfer, the agreement and the consumer it was issued to, valid for {@code ttl}; the data plane accepts it only
 * for that transfer, and only while the transfer and agreement are in force (checked on every access, so a
 * suspension or revocation takes effect at the next request).
 */
public final class DataPlane {

    public static final String HTTP_ENDPOINT_TYPE = "https://w3id.org/idsa/v4.1/HTTP";

    /**
     * How every delivery record names the digest of the data ({@code INTL:<hex>}, {@code GM:<hex>}): the provider's
     * and the consumer's records of one delivery must compare equal.
     */
    public static String dataDigest(io.trustspace.crypto.CryptoSuite suite, byte[] digest) {
        return suite.id().name() + ":" + java.util.HexFormat.of().formatHex(digest);
    }

    public static final String PATH = "/public/transfers/";

    /**
     * The endpoint property of a push sink in which the consumer declares the purpose of the use (DSP's transfer
     * request has no field for it); a pull declares it with each request instead ({@code X-Purpose}).
     */
    public static final String PURPOSE_PROPERTY = "purpose";

    /** What a verified token grants. */
    public record Grant(String transferId, String agreementId, String consumer, Instant expires) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NodeKeys keys;
    private final String publicUrl;
    private final Duration ttl;
    private final Clock clock;
    private final boolean endpointAsProperty;

    public DataPlane(NodeKeys keys, String publicUrl, Duration ttl, Clock clock) {
        this(keys, publicUrl, ttl, clock, false);
    }

    /**
     * With {@code endpointAsProperty} (the interop profile), pull addresses also carry the endpoint as the endpoint
     * property {@code https://w3id.org/edc/v0.0.1/ns/endpoint}: Eclipse EDC reads only {@code endpointType} and the
     * endpoint properties of a DataAddress, so without it an EDC consumer's EDR has no endpoint.
     */
    public DataPlane(NodeKeys keys, String publicUrl, Duration ttl, Clock clock, boolean endpointAsProperty) {
        this.endpointAsProperty = endpointAsProperty;
        this.keys = keys;
        this.publicUrl = publicUrl;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The DataAddress of a pull transfer: our endpoint for it and a fresh token for its consumer. */
    public DataAddress pullAddress(TransferProcess transfer) {
        String endpoint = publicUrl + PATH + transfer.id();
        List<EndpointProperty> properties = new java.util.ArrayList<>();
        if (endpointAsProperty) {
            properties.add(new EndpointProperty(EndpointProperty.EDC_NS + "endpoint", endpoint));
        }
        properties.add(new EndpointProperty("authorization", token(transfer)));
        properties.add(new EndpointProperty("authType", "bearer"));
        return new DataAddress(HTTP_ENDPOINT_TYPE, endpoint, properties);
    }

    String token(TransferProcess transfer) {
        Instant now = clock.instant();
        byte[] claims = JSON.writeValueAsString(Map.of(
                        "tid", transfer.id(),
                        "agr", transfer.agreementId(),
                        "sub", transfer.counterPartyId(),
                        "iat", now.getEpochSecond(),
                        "exp", now.plus(ttl).getEpochSecond()))
                .getBytes(StandardCharsets.UTF_8);
        NodeKeys.ActiveKeyPair key = keys.activeKeyPair();
        return Jws.sign(
                keys.suite(), key.keyPair().getPrivate(), key.kid(), Map.of("typ", "trustspace-pull+jws"), claims);
    }

    /** Verifies a token we issued for {@code transferId}: signature under any of our keys, expiry, transfer. */
    public Result<Grant> verify(String token, String transferId) {
        if (token == null || token.length() > 8192) {
            return Result.unauthorized("send the transfer's token as Authorization");
        }
        String compact = token.regionMatches(true, 0, "Bearer ", 0, 7)
                ? token.substring(7).strip()
                : token.strip();
        Result<Map<String, Object>> header = Jws.unverifiedHeader(compact);
        if (header instanceof Result.Failure<Map<String, Object>>) {
            return Result.unauthorized("the token is not a JWS");
        }
        Object kid = header.orElseThrow().get("kid");
        return keys.all().stream()
                .filter(key -> key.kid().equals(kid))
                .findFirst()
                .<Result<Grant>>map(key -> Jws.verify(compact, key.publicKey())
                        .fold(
                                verified -> grant(verified.payload(), transferId),
                                failure -> Result.unauthorized("the token's signature does not verify")))
                .orElseGet(() -> Result.unauthorized("the token was not issued by this connector"));
    }

    private Result<Grant> grant(byte[] payload, String transferId) {
        JsonNode claims;
        try {
            claims = JSON.readTree(payload);
        } catch (RuntimeException e) {
            return Result.unauthorized("the token's claims are not JSON");
        }
        Instant expires = Instant.ofEpochSecond(claims.path("exp").asLong(0));
        if (!clock.instant().isBefore(expires)) {
            return Result.unauthorized("the token expired at " + expires);
        }
        if (!transferId.equals(claims.path("tid").asString(""))) {
            return Result.forbidden("the token was issued for another transfer");
        }
        return Result.ok(new Grant(
                transferId, claims.path("agr").asString(""), claims.path("sub").asString(""), expires));
    }
}
