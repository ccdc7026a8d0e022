package io.trustspace.app.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.identity.auth.AuthFailure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
}
