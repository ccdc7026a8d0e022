package io.trustspace.app.contract;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * 使用控制 while data flows: asks at most every {@link #INTERVAL} whether the use still holds (the transfer still
 * STARTED, the agreement still in force), so a suspension, termination or revocation stops a stream within about that
 * long plus one chunk, not only the next request. Not thread-safe: one per stream.
 */
final class UseWatch {

    static final Duration INTERVAL = Duration.ofMillis(250);

    /**
     * The use stopped being allowed while its data was flowing; what was already sent stays sent. On the pull side
     * the answer is already under way, so the only way to tell the client is to close the connection before the
     * promised length: this is Tomcat's exception for exactly that.
     */
    static final class Revoked extends org.apache.coyote.CloseNowException {
        Revoked(String reason) {
            super("access revoked while the data was flowing: " + reason, null);
        }
    }

    private final Supplier<Optional<String>> revoked;
    private long checkedAt = System.nanoTime();

    /** {@code revoked}: why the use no longer holds, if it does not (e.g. {@link UsageControl#revoked}). */
    UseWatch(Supplier<Optional<String>> revoked) {
        this.revoked = revoked;
    }

    /** Throws {@link Revoked} if a check is due and the use no longer holds. */
    void check() throws Revoked {
        long now = System.nanoTime();
        if (now - checkedAt < INTERVAL.toNanos()) {
            return;
        }
        checkedAt = now;
        Optional<String> reason = revoked.get();
        if (reason.isPresent()) {
            throw new Revoked(reason.get());
        }
    }
}
