package io.trustspace.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.identity.registration.UnifiedSocialCreditCode;
import io.trustspace.identity.verification.AssuranceLevel;
import io.trustspace.identity.verification.OfflineRegistryVerifier;
import io.trustspace.identity.verification.RegistryEntry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The demo's offline registry: every organisation in it has a USCC that passes every GB 32100 rule. */
class DemoRegistryTest {

    @Test
    void demoRegistry_loads_andEveryCodeIsValid_andInGoodStanding() throws IOException {
        byte[] json;
        try (InputStream in = DemoRegistryTest.class.getResourceAsStream("/identity/demo-registry.json")) {
            assertThat(in).isNotNull();
            json = in.readAllBytes();
        }
        OfflineRegistryVerifier registry = OfflineRegistryVerifier.fromJson(
                        json, AssuranceLevel.SUBSTANTIAL, Clock.systemUTC())
                .orElseThrow();
        assertThat(registry.entries()).hasSizeGreaterThanOrEqualTo(4);
        for (RegistryEntry entry : registry.entries()) {
            assertThat(UnifiedSocialCreditCode.check("uscc", entry.uscc().value()))
                    .as(entry.name())
                    .isEmpty();
            assertThat(RegistryEntry.inGoodStanding(entry.status()))
                    .as(entry.name())
                    .isTrue();
        }
    }
}
