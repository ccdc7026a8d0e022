package io.trustspace.app.testing;

import java.time.Duration;

/** A bounded wait for a condition another thread makes true: every wait in a test must end. */
public final class Eventually {

    private static final long PAUSE_MS = 20;

    /** A condition that may throw while it is looked at (a query, a call). */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Eventually() {}

    /** Returns once {@code condition} holds; fails the test if it still does not after {@code within}. */
    public static void until(Duration within, Condition condition) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (!condition.holds()) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("the condition did not hold within " + within);
                }
                Thread.sleep(PAUSE_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("the condition could not be checked", e);
        }
    }
}
