package io.trustspace.app.did;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import java.net.URI;
import org.junit.jupiter.api.Test;

class DidWebTest {

    @Test
    void aDidWebNamesItsDocument_withPortAndPath() {
        assertThat(DidWeb.documentUrl("did:web:example.cn", false))
                .isEqualTo(Result.ok(URI.create("https://example.cn/.well-known/did.json")));
        assertThat(DidWeb.documentUrl("did:web:127.0.0.1%3A8443:space:c1", true))
                .isEqualTo(Result.ok(URI.create("http://127.0.0.1:8443/space/c1/did.json")));
    }

    @Test
    void aPortThatIsNoPort_orBrokenEscapes_makeNoUrl() {
        // Left to the HTTP client, a port out of range was an IllegalArgumentException: a 500 before authentication.
        for (String did : new String[] {
            "did:web:127.0.0.1%3A99999",
            "did:web:127.0.0.1%3A0",
            "did:web:127.0.0.1%3Ax",
            "did:web:127.0.0.1%3A",
            "did:web:127.0.0.1%ZZ"
        }) {
            assertThat(DidWeb.documentUrl(did, true).isOk()).as(did).isFalse();
        }
    }
}
