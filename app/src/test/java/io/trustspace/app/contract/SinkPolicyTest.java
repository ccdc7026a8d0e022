package io.trustspace.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Push destinations: no SSRF into the provider's own network unless the operator allows private destinations. */
class SinkPolicyTest {

    private final SinkPolicy strict = new SinkPolicy(false);
    private final SinkPolicy closedNetwork = new SinkPolicy(true);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080/sink",
                "http://localhost/sink",
                "http://[::1]/sink",
                "http://10.1.2.3/sink",
                "http://172.16.0.9/sink",
                "http://192.168.1.1/sink",
                "http://169.254.169.254/latest/meta-data",
                "http://0.0.0.0/sink",
                "http://100.64.0.1/sink",
                "http://[fd00::1]/sink",
                "http://[fe80::1]/sink",
                "http://224.0.0.1/sink"
            })
    void nonPublicDestinations_areRefused(String endpoint) {
        assertThat(strict.refused(endpoint)).isPresent();
        assertThat(closedNetwork.refused(endpoint)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"file:///etc/passwd", "ftp://example.org/x", "gopher://x", "http://user:pw@8.8.8.8/x", "::"})
    void otherSchemesUserInfoAndGarbage_areRefusedEvenInAClosedNetwork(String endpoint) {
        assertThat(strict.refused(endpoint)).isPresent();
        assertThat(closedNetwork.refused(endpoint)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://8.8.8.8/sink", "https://1.1.1.1:8443/upload"})
    void publicAddresses_areAllowed(String endpoint) {
        assertThat(strict.refused(endpoint)).isEmpty();
    }
}
