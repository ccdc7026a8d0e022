package io.trustspace.common.tx;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction, so that a state change, the messages it causes and the evidence it
 * produces commit together or not at all (the transactional outbox). Adapters that take part in the work join the
 * transaction of the calling thread; a nested call joins the outer transaction.
 *
 * <p>Thread-safe. If {@code work} throws, the transaction rolls back and the exception propagates unchanged.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code action} once the current transaction has committed (at once when there is none). */
    void afterCommit(Runnable action);
}
