package io.trustspace.bench;

import io.trustspace.common.Result;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.SuiteId;
import io.trustspace.crypto.jose.Jws;
import io.trustspace.ledger.evidence.EvidenceRecord;
import io.trustspace.ledger.evidence.Receipt;
import io.trustspace.ledger.evidence.RecordSignatureVerifier;
import io.trustspace.ledger.evidence.SignedEvidence;
import io.trustspace.ledger.jdbc.JdbcEvidenceOutbox;
import io.trustspace.ledger.jdbc.JdbcLedgerStore;
import io.trustspace.ledger.log.EvidenceLog;
import io.trustspace.ledger.log.LocalLedgerClient;
import io.trustspace.ledger.note.NoteVerifier;
import io.trustspace.ledger.note.SuiteNoteSigner;
import io.trustspace.ledger.outbox.EvidenceOutbox;
import io.trustspace.ledger.outbox.EvidenceRecorder;
import io.trustspace.ledger.outbox.EvidenceSigner;
import io.trustspace.ledger.outbox.OutboxAppender;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * Load driver for the evidence log on a real, durable PostgreSQL (embedded, {@code fsync} on): C submitter threads
 * append N pre-signed evidence records and wait for every receipt. A receipt is only issued after the batch holding
 * the record has committed, so receipts per second are durable appends per second.
 *
 * <ul>
 *   <li>{@code --mode outbox}: {@link EvidenceLog#submitVerified}, the node's own outbox path (signatures already
 *       checked). Each submitter hands the log a window of records and waits for all their receipts, as
 *       {@link LocalLedgerClient} does for the {@link OutboxAppender}.
 *   <li>{@code --mode verify}: {@link EvidenceLog#submit}, which first checks each record's JWS with the crypto
 *       module against the actor's key, on the submitting thread.
 *   <li>{@code --mode outbox-e2e}: the full node path. C writer threads record evidence with the
 *       {@link EvidenceRecorder} into the {@link JdbcEvidenceOutbox}, {@code --batch} records per transaction
 *       (signing each record as the node), while an {@link OutboxAppender} with a {@link LocalLedgerClient} drains
 *       the outbox into the log and stores each receipt. Measured from the first write to the last receipt stored.
 * </ul>
 *
 * <p>Options: {@code --mode outbox|verify|outbox-e2e} (outbox), {@code --suite intl|gm} (intl), {@code --records N}
 * (200000), {@code --threads C} (8), {@code --window W} records in flight per submitter (500, the appender's batch),
 * {@code --batch B} records per outbox transaction (100), {@code --warmup N} records appended before measuring
 * (10000, same mode). Prints {@code RESULT key=value …} last.
 */
public final class LedgerAppendDriver {

    private static final long SEED = 20250301L;
    private static final int RECEIPT_CHECK_EVERY = 997;

    private enum Mode {
        OUTBOX,
        VERIFY,
        OUTBOX_E2E;

        static Mode parse(String text) {
            return switch (text) {
                case "outbox" -> OUTBOX;
                case "verify" -> VERIFY;
                case "outbox-e2e" -> OUTBOX_E2E;
                default -> throw new IllegalArgumentException("--mode is outbox, verify or outbox-e2e, not " + text);
            };
        }

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Mode mode;
    private final CryptoSuite suite;
    private final int records;
    private final int threads;
    private final int window;
    private final int batch;
    private final int warmup;
    private final EvidenceSamples samples;
    private final KeyPair actor;

    private LedgerAppendDriver(DriverOptions options) {
        this.mode = Mode.parse(options.string("mode", "outbox"));
        this.suite = CryptoSuites.of(SuiteId.parse(options.string("suite", "intl")));
        this.records = options.integer("records", 200_000);
        this.threads = options.integer("threads", 8);
        this.window = options.integer("window", OutboxAppender.BATCH);
        this.batch = options.integer("batch", 100);
        this.warmup = options.integer("warmup", 10_000);
        if (records < 1 || threads < 1 || window < 1 || batch < 1 || warmup < 0) {
            throw new IllegalArgumentException("records, threads, window and batch must be positive");
        }
        if ((long) threads * window > 60_000) {
            throw new IllegalArgumentException("threads x window must stay below the log's queue of 65,536");
        }
        this.samples = new EvidenceSamples(suite, SEED);
        this.actor = suite.generateSigningKeyPair();
    }

    public static void main(String[] args) {
        quietLogging();
        DriverOptions options =
                DriverOptions.parse(args, Set.of("mode", "suite", "records", "threads", "window", "batch", "warmup"));
        LedgerAppendDriver driver = new LedgerAppendDriver(options);
        String result = driver.run();
        System.out.println(result);
        // EvidenceLog and the appender run daemon threads; nothing else keeps the JVM alive.
    }

    static void quietLogging() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
    }

    private String run() {
        samples.checkTemplate(0);
        samples.checkTemplate(records + warmup - 1L);
        try (BenchDatabase database = BenchDatabase.start(threads + 8)) {
            System.out.printf(
                    "ledger-append: mode %s, suite %s, %d records (+%d warm-up), %d threads, PostgreSQL fsync=%s"
                            + " synchronous_commit=%s%n",
                    mode.label(),
                    suite.id().label(),
                    records,
                    warmup,
                    threads,
                    database.setting("fsync"),
                    database.setting("synchronous_commit"));
            JdbcTransactions transactions = new JdbcTransactions(database.dataSource());
            TimedCalls timed = new TimedCalls();
            KeyPair logKeys = suite.generateSigningKeyPair();
            SuiteNoteSigner logSigner = SuiteNoteSigner.create(EvidenceSamples.LOG_ORIGIN, logKeys, suite);
            NoteVerifier logKey = logSigner.key().verifier(suite, logKeys.getPublic());
            EvidenceLog log = new EvidenceLog(
                    timed.store(new JdbcLedgerStore(transactions)),
                    suite,
                    logSigner,
                    logKey,
                    EvidenceSamples.LOG_ORIGIN,
                    actorSignatures(actor.getPublic()),
                    Clock.systemUTC());
            log.start();
            try {
                return mode == Mode.OUTBOX_E2E
                        ? runEndToEnd(database, transactions, log, timed)
                        : runSubmitters(database, log, logKey, timed);
            } finally {
                log.close();
            }
        }
    }

    /** The driver's stand-in for DID resolution: one fixed actor key, checked with the crypto module's JWS. */
    private static RecordSignatureVerifier actorSignatures(PublicKey actorKey) {
        return evidence -> {
            if (!evidence.record().actor().equals(EvidenceSamples.ACTOR)) {
                return Result.unauthorized("unknown actor " + evidence.record().actor());
            }
            return Jws.verifyDetached(evidence.jws(), evidence.payload(), actorKey)
                    .map(verified -> evidence);
        };
    }

    private SignedEvidence sign(EvidenceRecord record) {
        String jws = Jws.signDetached(
                suite, actor.getPrivate(), EvidenceSamples.ACTOR_KEY_ID, Map.of(), record.canonicalJson());
        return new SignedEvidence(record, jws);
    }

    // --- modes outbox and verify -------------------------------------------------------------------------------

    /** What one measured submission run saw. */
    private record Submitted(double seconds, long[] latencies, int failures, String firstFailure, Receipt[] sample) {}

    private String runSubmitters(BenchDatabase database, EvidenceLog log, NoteVerifier logKey, TimedCalls timed) {
        int total = warmup + records;
        long signStart = System.nanoTime();
        SignedEvidence[] evidence = IntStream.range(0, total)
                .parallel()
                .mapToObj(i -> sign(samples.record(i)))
                .toArray(SignedEvidence[]::new);
        System.out.printf(
                "pre-signed %d records in %.1f s; entry size %d to %d bytes%n",
                total, (System.nanoTime() - signStart) / 1e9, minEntry(evidence), maxEntry(evidence));
        if (warmup > 0) {
            Submitted warm = submit(log, evidence, 0, warmup);
            System.out.printf(
                    "warm-up: %d records in %.2f s (%.0f/s), %d failures%n",
                    warmup, warm.seconds(), warmup / warm.seconds(), warm.failures());
        }
        long checkpointsBefore = database.queryLong("SELECT count(*) FROM ledger_checkpoint");
        timed.reset();
        Submitted run = submit(log, evidence, warmup, total);
        long batches = database.queryLong("SELECT count(*) FROM ledger_checkpoint") - checkpointsBefore;

        int receiptsChecked = 0;
        for (int i = 0; i < run.sample().length; i++) {
            Receipt receipt = run.sample()[i];
            if (receipt != null) {
                EvidenceRecord record = evidence[warmup + i * RECEIPT_CHECK_EVERY].record();
                receipt.verify(record, suite, logKey).orElseThrow();
                receiptsChecked++;
            }
        }
        long stored = database.queryLong("SELECT count(*) FROM ledger_entry");
        if (run.failures() > 0) {
            System.out.println("first failure: " + run.firstFailure());
        }
        long[] latencies = run.latencies();
        Arrays.sort(latencies);
        System.out.println("time per call, summed over threads (measured run):");
        System.out.print(timed.report());
        return String.format(
                Locale.ROOT,
                "RESULT driver=ledger-append mode=%s suite=%s records=%d threads=%d window=%d seconds=%.3f"
                        + " appends_per_s=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f batches=%d avg_batch=%.0f"
                        + " store_append_s=%.3f store_indices_s=%.3f failures=%d stored=%d receipts_verified=%d",
                mode.label(),
                suite.id().label(),
                records,
                threads,
                window,
                run.seconds(),
                (records - run.failures()) / run.seconds(),
                percentile(latencies, 0.50) / 1e6,
                percentile(latencies, 0.99) / 1e6,
                latencies[latencies.length - 1] / 1e6,
                batches,
                batches == 0 ? 0.0 : (double) records / batches,
                timed.seconds("store.append"),
                timed.seconds("store.indicesOf"),
                run.failures(),
                stored,
                receiptsChecked);
    }

    /**
     * Submits {@code evidence[from, to)} from {@link #threads} threads, each handing over {@link #window} records at a
     * time (interleaved, so indices rise over time) and waiting for all their receipts before the next window.
     */
    private Submitted submit(EvidenceLog log, SignedEvidence[] evidence, int from, int to) {
        int count = to - from;
        long[] latencies = new long[count];
        Receipt[] sample = new Receipt[count / RECEIPT_CHECK_EVERY + 1];
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> submitters = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = from + t * window;
            Thread thread = new Thread(
                    () -> {
                        awaitQuietly(start);
                        List<CompletableFuture<Result<Receipt>>> pending = new ArrayList<>(window);
                        for (int base = first; base < to; base += threads * window) {
                            for (int i = base; i < Math.min(base + window, to); i++) {
                                int slot = i - from;
                                long submitted = System.nanoTime();
                                CompletableFuture<Result<Receipt>> done =
                                        mode == Mode.VERIFY ? log.submit(evidence[i]) : log.submitVerified(evidence[i]);
                                pending.add(done.whenComplete((result, error) -> {
                                    latencies[slot] = System.nanoTime() - submitted;
                                    if (result instanceof Result.Ok<Receipt> ok) {
                                        if (slot % RECEIPT_CHECK_EVERY == 0) {
                                            sample[slot / RECEIPT_CHECK_EVERY] = ok.value();
                                        }
                                    } else {
                                        failures.incrementAndGet();
                                        firstFailure.compareAndSet(
                                                null, String.valueOf(error != null ? error : result));
                                    }
                                }));
                            }
                            pending.forEach(CompletableFuture::join);
                            pending.clear();
                        }
                    },
                    "submitter-" + t);
            submitters.add(thread);
            thread.start();
        }
        long begin = System.nanoTime();
        start.countDown();
        submitters.forEach(LedgerAppendDriver::joinQuietly);
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new Submitted(seconds, latencies, failures.get(), firstFailure.get(), sample);
    }

    // --- mode outbox-e2e ---------------------------------------------------------------------------------------

    private String runEndToEnd(
            BenchDatabase database, JdbcTransactions transactions, EvidenceLog log, TimedCalls timed) {
        EvidenceOutbox outbox = timed.outbox(new JdbcEvidenceOutbox(transactions));
        OutboxAppender appender =
                new OutboxAppender(outbox, timed.ledger(new LocalLedgerClient(log)), Clock.systemUTC());
        EvidenceSigner signer = new EvidenceSigner() {
            @Override
            public String actor() {
                return EvidenceSamples.ACTOR;
            }

            @Override
            public String sign(byte[] canonicalRecord) {
                return timed.time(
                        "recorder.sign",
                        () -> Jws.signDetached(
                                suite, actor.getPrivate(), EvidenceSamples.ACTOR_KEY_ID, Map.of(), canonicalRecord));
            }
        };
        AtomicLong ids = new AtomicLong();
        EvidenceRecorder recorder = new EvidenceRecorder(
                transactions,
                outbox,
                signer,
                suite,
                Clock.systemUTC(),
                () -> samples.id(ids.getAndIncrement()),
                appender::wakeUp);
        appender.start();
        try {
            if (warmup > 0) {
                Recorded warm = record(recorder, transactions, database, warmup, "w");
                System.out.printf(
                        "warm-up: %d records end to end in %.2f s (%.0f/s)%n",
                        warmup, warm.seconds(), warmup / warm.seconds());
            }
            timed.reset();
            Recorded run = record(recorder, transactions, database, records, "m");
            long stored = database.queryLong("SELECT count(*) FROM ledger_entry");
            long failed = database.queryLong("SELECT count(*) FROM evidence_outbox WHERE last_error IS NOT NULL");
            System.out.println("time per call, summed over threads (measured run):");
            System.out.print(timed.report());
            return String.format(
                    Locale.ROOT,
                    "RESULT driver=ledger-append mode=%s suite=%s records=%d threads=%d batch=%d seconds=%.3f"
                            + " records_per_s=%.0f write_seconds=%.3f ledger_append_s=%.3f claim_s=%.3f"
                            + " mark_appended_s=%.3f failed=%d stored=%d",
                    mode.label(),
                    suite.id().label(),
                    records,
                    threads,
                    batch,
                    run.seconds(),
                    records / run.seconds(),
                    run.writeSeconds(),
                    timed.seconds("ledger.append"),
                    timed.seconds("outbox.claimDue"),
                    timed.seconds("outbox.record"),
                    failed,
                    stored);
        } finally {
            appender.close();
        }
    }

    /** Seconds until the writers were done, and until the last receipt was stored. */
    private record Recorded(double writeSeconds, double seconds) {}

    /**
     * Records {@code count} pieces of evidence from {@link #threads} writers, {@link #batch} per transaction, each
     * writer about its own negotiations (so no two writers wait on one subject's head row), then waits until the
     * outbox holds no pending record.
     */
    private Recorded record(
            EvidenceRecorder recorder, JdbcTransactions transactions, BenchDatabase database, int count, String tag) {
        byte[] payload = "x".repeat(512).getBytes(StandardCharsets.US_ASCII);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int writer = t;
            int share = count / threads + (t < count % threads ? 1 : 0);
            Thread thread = new Thread(
                    () -> {
                        awaitQuietly(start);
                        for (int done = 0; done < share; ) {
                            int first = done;
                            int size = Math.min(batch, share - done);
                            transactions.inTransaction(() -> {
                                for (int k = first; k < first + size; k++) {
                                    String negotiation = "agreement-" + tag + writer + "-" + (k / 8);
                                    List<String> subjects = k % 8 < 5
                                            ? List.of(negotiation)
                                            : List.of(negotiation, "dataset-" + tag + writer + "-" + (k / 64));
                                    recorder.record(eventType(k), subjects, payload);
                                }
                            });
                            done += size;
                        }
                    },
                    "writer-" + t);
            writers.add(thread);
            thread.start();
        }
        long begin = System.nanoTime();
        start.countDown();
        writers.forEach(LedgerAppendDriver::joinQuietly);
        double written = (System.nanoTime() - begin) / 1e9;
        while (database.queryLong("SELECT count(*) FROM evidence_outbox WHERE state = 'PENDING'") > 0) {
            sleepQuietly(10);
        }
        return new Recorded(written, (System.nanoTime() - begin) / 1e9);
    }

    private static String eventType(int k) {
        return switch (k % 8) {
            case 0 -> "contract.requested";
            case 1 -> "contract.offered";
            case 2 -> "contract.agreed";
            case 3 -> "contract.verified";
            case 4 -> "contract.finalized";
            case 5 -> "transfer.requested";
            case 6 -> "transfer.started";
            default -> "transfer.completed";
        };
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    static long percentile(long[] sorted, double fraction) {
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static int minEntry(SignedEvidence[] evidence) {
        return Arrays.stream(evidence, 0, Math.min(evidence.length, 1024))
                .mapToInt(e -> e.payload().length)
                .min()
                .orElse(0);
    }

    private static int maxEntry(SignedEvidence[] evidence) {
        return Arrays.stream(evidence, 0, Math.min(evidence.length, 1024))
                .mapToInt(e -> e.payload().length)
                .max()
                .orElse(0);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before the start", e);
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + thread.getName(), e);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
