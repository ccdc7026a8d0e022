package io.trustspace.app.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
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
                "http://224.0.0.1/sink",
                "http://192.0.0.8/sink",
                "http://198.18.0.1/sink",
                "http://198.19.255.1/sink",
                "http://240.0.0.1/sink",
                "http://255.255.255.255/sink",
                "http://[64:ff9b::a00:1]/sink"
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

    @Test
    void listedOrigins_areAllowedAndNothingElseNextToThem() {
        SinkPolicy listed = new SinkPolicy(false, List.of("http://127.0.0.1:9083", "https://Lake.internal"));

        assertThat(listed.refused("http://127.0.0.1:9083/inbox/42")).isEmpty();
        assertThat(listed.refused("HTTP://127.0.0.1:9083")).isEmpty();
        assertThat(listed.refused("http://127.0.0.1:9084/inbox")).isPresent();
        assertThat(listed.refused("https://127.0.0.1:9083/inbox")).isPresent();
        assertThat(listed.refused("http://10.0.0.1:9083/inbox")).isPresent();
        assertThat(listed.refused("https://lake.internal:443/in")).isEmpty();
        assertThat(listed.refused("http://user:pw@127.0.0.1:9083/x")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"http://127.0.0.1:9083/inbox", "127.0.0.1:9083", "http://h:1/?q", "ftp://h:21", "not a url"})
    void anAllowedSinkThatIsNotAnOrigin_isAConfigurationError(String origin) {
        assertThatThrownBy(() -> new SinkPolicy(false, List.of(origin)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(origin);
    }
}
