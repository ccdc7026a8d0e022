package io.trustspace.app.catalog;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task on its own daemon thread at a fixed delay (catalog sync on connectors, harvest on the operator).
 * A failing round is logged and the next one runs as planned; rounds never overlap.
 */
public final class Periodic implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Periodic.class);

    private final String name;
    private final Duration every;
    private final Runnable task;
    private final ScheduledExecutorService timer;

    public Periodic(String name, Duration every, Runnable task) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException(name + ": the interval must be positive, not " + every);
        }
        this.name = name;
        this.every = every;
        this.task = task;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::round, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("{}: round failed, next in {}: {}", name, every, e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
