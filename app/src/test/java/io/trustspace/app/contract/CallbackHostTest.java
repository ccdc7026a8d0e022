package io.trustspace.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.app.dsp.DspAuthFilter;
import io.trustspace.common.Result;
import io.trustspace.identity.auth.VerifiedCaller;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A provider posts a process's messages to the callback address its consumer gave; the address must be on the host
 * of the consumer's own did:web DID, or any member could aim the provider at someone else's service.
 */
class CallbackHostTest {

    private static VerifiedCaller member(String did) {
        return new VerifiedCaller(
                did,
                "did:web:operator.example",
                "urn:space:x",
                Set.of("member"),
                Map.of(),
                "urn:credential:1",
                Instant.parse("2030-01-01T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://consumer.example/dsp/2025-1",
                "https://CONSUMER.example:8443/dsp/2025-1",
                "http://consumer.example:8080/protocol"
            })
    void anAddressOnTheCallersOwnHost_isTaken_onAnyPort(String address) {
        assertThat(DspContractController.onCallersHost(address, member("did:web:consumer.example"), "m"))
                .isEqualTo(Result.ok("m"));
    }

    @Test
    void theHostOfADidWithPortAndPath_isItsHost() {
        assertThat(DspContractController.onCallersHost(
                                "http://127.0.0.1:28082/dsp/2025-1", member("did:web:127.0.0.1%3A28082:nodes:a"), "m")
                        .isOk())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080/internal/admin",
                "http://10.0.0.5/dsp",
                "https://provider.example/dsp",
                "https://consumer.example.evil.example/dsp"
            })
    void anAddressOnAnotherHost_is400(String address) {
        Result<String> refused = DspContractController.onCallersHost(address, member("did:web:consumer.example"), "m");

        assertThat(refused).isInstanceOf(Result.Failure.class);
        Result.Failure<String> failure = (Result.Failure<String>) refused;
        assertThat(failure.kind()).isEqualTo(Result.Kind.INVALID);
        assertThat(failure.reason()).contains("callbackAddress").contains("consumer.example");
    }

    @Test
    void aCallerWithoutADidWebHost_cannotNameACallback() {
        Result<String> refused =
                DspContractController.onCallersHost("https://x.example/dsp", member("did:key:z6Mkabc"), "m");

        assertThat(refused.isOk()).isFalse();
    }

    @Test
    void theInteropProfilesCallers_areNotBound() {
        VerifiedCaller interop = DspAuthFilter.interopCaller("TCK_PARTICIPANT", Instant.parse("2030-01-01T00:00:00Z"));

        assertThat(DspContractController.onCallersHost("http://127.0.0.1:9/anything", interop, "m")
                        .isOk())
                .isTrue();
    }
}
