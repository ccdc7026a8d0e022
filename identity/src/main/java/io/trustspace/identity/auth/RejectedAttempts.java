package io.trustspace.identity.auth;

/**
 * Where refused access tokens are recorded (port): the app writes each one as an evidence record ({@code
 * auth.rejected}) through its evidence recorder, and may count them in metrics.
 *
 * <p>Called once per refused token, on the request thread, after the outcome is decided; an exception propagates to
 * the caller of {@link AccessTokenVerifier#verify}, which has refused the token either way. Implementations must be
 * thread-safe and quick, and should protect the ledger from floods (anyone can send garbage): for example record
 * every refusal of a token whose signature verified, but sample or aggregate {@code MALFORMED}, {@code UNKNOWN_KEY}
 * and {@code BAD_SIGNATURE}.
 */
@FunctionalInterface
public interface RejectedAttempts {

    void record(RejectedAttempt attempt);
}
