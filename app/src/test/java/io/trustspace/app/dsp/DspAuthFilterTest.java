package io.trustspace.app.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.identity.auth.AuthFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;

/** A token that is not acceptable is a 401; one that cannot be checked right now is a 503 the caller retries. */
class DspAuthFilterTest {

    @ParameterizedTest
    @EnumSource(
            value = AuthFailure.class,
            names = {"KEY_UNAVAILABLE", "STATUS_UNAVAILABLE", "REPLAY_CACHE_FULL"})
    void refusalsThatSayNothingAboutTheToken_are503(AuthFailure failure) {
        assertThat(DspAuthFilter.status(failure)).isEqualTo(503);
    }

    @ParameterizedTest
    @EnumSource(
            value = AuthFailure.class,
            mode = EnumSource.Mode.EXCLUDE,
            names = {"KEY_UNAVAILABLE", "STATUS_UNAVAILABLE", "REPLAY_CACHE_FULL"})
    void everyOtherRefusal_is401(AuthFailure failure) {
        assertThat(DspAuthFilter.status(failure)).isEqualTo(401);
    }

    @Test
    void aHandlerReachedWithoutAVerifiedCaller_refusesWith401_notAServerError() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/dsp/2025-1/negotiations/request");

        assertThatThrownBy(() -> DspAuthFilter.caller(request))
                .isInstanceOfSatisfying(
                        ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(401));
    }
}
