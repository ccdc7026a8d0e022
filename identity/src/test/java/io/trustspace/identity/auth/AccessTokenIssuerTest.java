package io.trustspace.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.crypto.SuiteId;
import io.trustspace.crypto.jose.Jws;
import io.trustspace.identity.credential.DidSigningKey;
import io.trustspace.identity.credential.InMemoryDidKeys;
import io.trustspace.identity.credential.MutableClock;
import io.trustspace.identity.credential.TestOperator;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class AccessTokenIssuerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryDidKeys didKeys = new InMemoryDidKeys();
    private final TestOperator operator = new TestOperator("a", SuiteId.INTL, clock, didKeys);
    private final DidSigningKey caller = operator.participantKey("did:web:consumer.example");

    @Test
    void issue_writesASelfIssuedTokenPresentingTheCredentialAsAnEnvelopedCredential() {
        String credential = operator.issue("did:web:consumer.example").jwt();
        AccessTokenIssuer tokens = new AccessTokenIssuer(caller, clock, () -> "jti-1", Duration.ofMinutes(2));

        String token = tokens.issue("did:web:provider.example", credential);

        Map<String, Object> header = Jws.unverifiedHeader(token).orElseThrow();
        assertThat(header)
                .containsEntry("typ", "trustspace-access+jwt")
                .containsEntry("kid", "did:web:consumer.example#key-1")
                .containsEntry("alg", "EdDSA");
        ObjectNode claims = AccessTokenVerifierTest.payloadOf(token);
        assertThat(claims.get("iss").stringValue()).isEqualTo("did:web:consumer.example");
        assertThat(claims.get("sub").stringValue()).isEqualTo("did:web:consumer.example");
        assertThat(claims.get("aud").stringValue()).isEqualTo("did:web:provider.example");
        assertThat(claims.get("iat").longValue()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.get("nbf").longValue()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.get("exp").longValue()).isEqualTo(NOW.getEpochSecond() + 120);
        assertThat(claims.get("jti").stringValue()).isEqualTo("jti-1");
        JsonNode vp = claims.get("vp");
        assertThat(vp.get("@context").toString()).isEqualTo("[\"https://www.w3.org/ns/credentials/v2\"]");
        assertThat(vp.get("type").toString()).isEqualTo("[\"VerifiablePresentation\"]");
        assertThat(vp.get("holder").stringValue()).isEqualTo("did:web:consumer.example");
        JsonNode enveloped = vp.get("verifiableCredential").get(0);
        assertThat(enveloped.get("@context").stringValue()).isEqualTo("https://www.w3.org/ns/credentials/v2");
        assertThat(enveloped.get("type").stringValue()).isEqualTo("EnvelopedVerifiableCredential");
        assertThat(enveloped.get("id").stringValue()).isEqualTo("data:application/vc+jwt," + credential);
        assertThat(Jws.verify(
                                token,
                                didKeys.resolve("did:web:consumer.example", "key-1")
                                        .orElseThrow())
                        .isOk())
                .isTrue();
    }

    @Test
    void constructor_refusesLifetimesOverFiveMinutesOrNotInWholeSeconds() {
        assertThatThrownBy(() -> new AccessTokenIssuer(caller, clock, () -> "x", Duration.ofSeconds(301)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccessTokenIssuer(caller, clock, () -> "x", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccessTokenIssuer(caller, clock, () -> "x", Duration.ofMillis(1500)))
                .isInstanceOf(IllegalArgumentException.class);
        new AccessTokenIssuer(caller, clock, () -> "x", AccessTokenIssuer.MAX_LIFETIME);
    }

    @Test
    void issue_refusesAnAudienceThatIsNotADidAndBadTokenIds() {
        AccessTokenIssuer tokens = new AccessTokenIssuer(caller, clock, () -> "has space", Duration.ofMinutes(1));

        assertThatThrownBy(() -> tokens.issue("https://provider.example", "a.b.c"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.issue("did:web:provider.example", "a.b.c"))
                .hasMessageContaining("token ids");
        assertThatThrownBy(() -> tokens.issue("did:web:provider.example", "x".repeat(11 * 1024)))
                .hasMessageContaining("at most");
    }
}
