package io.trustspace.ledger.testing;

import io.trustspace.common.tx.Transactions;
import java.util.function.Supplier;

/**
 * {@link Transactions} that just runs the work on the calling thread, remembering whether a unit of work is open so
 * that fakes can check they are called inside one. After-commit actions run when the outermost work returns.
 */
public final class DirectTransactions implements Transactions {

    private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
    private int opened;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        depth.set(depth.get() + 1);
        if (depth.get() == 1) {
            synchronized (this) {
                opened++;
            }
        }
        try {
            return work.get();
        } finally {
            depth.set(depth.get() - 1);
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        action.run();
    }

    public boolean active() {
        return depth.get() > 0;
    }

    public synchronized int opened() {
        return opened;
    }
}
