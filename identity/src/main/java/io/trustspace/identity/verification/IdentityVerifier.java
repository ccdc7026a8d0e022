package io.trustspace.identity.verification;

/**
 * Checks a participant's claimed identity against one source (port): the built-in format checks, an official
 * registry over HTTP (市场监管, 税务, 公安), or a registry file for demos.
 *
 * <p>Contract: {@link #verify} answers with a {@link VerificationResult} of this verifier's {@link #method()} for
 * every subject it {@link #appliesTo}; it does not throw for anything the source does: an unreachable, slow or
 * confused source is {@link VerificationOutcome#UNAVAILABLE}. It must return within a bounded time (each
 * implementation documents its timeouts), since the operator waits for all verifiers before recording the
 * results. It has no side effects the platform relies on, so calling it again is safe.
 *
 * <p>Implementations are thread-safe.
 */
public interface IdentityVerifier {

    VerificationMethod method();

    /** True if this verifier can say something about {@code subject} (for example, 公安 only about individuals). */
    boolean appliesTo(VerificationSubject subject);

    VerificationResult verify(VerificationSubject subject);
}
