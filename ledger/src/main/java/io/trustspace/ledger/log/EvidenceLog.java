package io.trustspace.ledger.log;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.ledger.evidence.Receipt;
import io.trustspace.ledger.evidence.RecordSignatureVerifier;
import io.trustspace.ledger.evidence.SignedEvidence;
import io.trustspace.ledger.merkle.ConsistencyProof;
import io.trustspace.ledger.merkle.InMemoryTreeHashes;
import io.trustspace.ledger.merkle.MerkleHasher;
import io.trustspace.ledger.merkle.MerkleLog;
import io.trustspace.ledger.merkle.TreeHashes;
import io.trustspace.ledger.note.Checkpoint;
import io.trustspace.ledger.note.NoteSigner;
import io.trustspace.ledger.note.NoteVerifier;
import io.trustspace.ledger.note.SignedNote;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The operator's append-only evidence log with group commit. Submitted records queue up; one writer thread takes
 * everything queued (up to {@value #MAX_BATCH}), de-duplicates by record id, appends the new leaves to the Merkle
 * tree, signs a checkpoint for the new size and stores entries and checkpoint in one transaction. Only then are the
 * submitters answered, each with a receipt (index, signed checkpoint, inclusion proof). A checkpoint is therefore
 * issued with every batch, i.e. continuously while records arrive.
 *
 * <p>Readers (proofs, tiles, history) only ever see the last committed checkpoint's tree size. At start the log
 * reloads its tree from the store and checks it: every leaf hash against its entry, the root and the checkpoint
 * signature against the latest checkpoint. A log that fails the check refuses appends (and says why) but keeps
 * serving reads, so auditors can see the damage.
 *
 * <p>Thread-safe.
 */
public final class EvidenceLog implements AutoCloseable {

    /** Most records per transaction; bigger batches gain little and hold answers back longer. */
    public static final int MAX_BATCH = 4096;

    private static final int QUEUE_CAPACITY = 65_536;
    private static final String STORE_UNAVAILABLE = "store unavailable: ";
    /** How often a log whose store stopped answering tries to reload from it. */
    private static final Duration RELOAD_PAUSE = Duration.ofSeconds(1);

    private static final Logger log = Logger.getLogger(EvidenceLog.class.getName());

    private record Pending(SignedEvidence evidence, CompletableFuture<Result<Receipt>> done) {}

    private final LedgerStore store;
    private final CryptoSuite suite;
    private final NoteSigner signer;
    private final NoteVerifier ownKey;
    private final String origin;
    private final RecordSignatureVerifier signatures;
    private final Clock clock;
    private final MerkleHasher hasher;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);

    private volatile InMemoryTreeHashes tree;
    /** Set by commits (the writer thread) and by cosignature merges; only ever moves to a larger tree. */
    private final AtomicReference<StoredCheckpoint> latest = new AtomicReference<>();

    private volatile String failure;
    /** When the writer last tried to reload; only the writer thread uses it. */
    private long reloadAttemptAt;

    private volatile boolean running;
    private Thread writer;

    public EvidenceLog(
            LedgerStore store,
            CryptoSuite suite,
            NoteSigner signer,
            NoteVerifier ownKey,
            String origin,
            RecordSignatureVerifier signatures,
            Clock clock) {
        this.store = store;
        this.suite = suite;
        this.signer = signer;
        this.ownKey = ownKey;
        this.origin = origin;
        this.signatures = signatures;
        this.clock = clock;
        this.hasher = MerkleHasher.of(suite);
    }

    /** Loads and checks the stored log, then starts the writer. */
    public synchronized void start() {
        load();
        running = true;
        writer = new Thread(this::write, "evidence-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Why the log refuses appends, if it does (integrity check failed at start, or a store failure). */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Checks the actor's signature, then appends. */
    public CompletableFuture<Result<Receipt>> submit(SignedEvidence evidence) {
        Result<SignedEvidence> checked = signatures.verify(evidence);
        if (checked instanceof Result.Failure<SignedEvidence> rejected) {
            return CompletableFuture.completedFuture(rejected.cast());
        }
        return submitVerified(evidence);
    }

    /** Appends evidence whose actor signature the caller has already checked (the node's own outbox). */
    public CompletableFuture<Result<Receipt>> submitVerified(SignedEvidence evidence) {
        if (failure != null) {
            return CompletableFuture.completedFuture(Result.unavailable("ledger refuses appends: " + failure));
        }
        if (!running) {
            return CompletableFuture.completedFuture(Result.unavailable("ledger is not running"));
        }
        CompletableFuture<Result<Receipt>> done = new CompletableFuture<>();
        Pending pending = new Pending(evidence, done);
        if (!queue.offer(pending)) {
            return CompletableFuture.completedFuture(Result.unavailable("ledger is busy; retry shortly"));
        }
        // close() may have drained the queue between our check and the offer: then nobody would ever answer.
        if (!running && queue.remove(pending)) {
            done.complete(Result.unavailable("ledger is shutting down"));
        }
        return done;
    }

    /** The newest committed checkpoint, if the log is not empty. */
    public Optional<StoredCheckpoint> latestCheckpoint() {
        return Optional.ofNullable(latest.get());
    }

    /** The committed tree size. */
    public long size() {
        StoredCheckpoint current = latest.get();
        return current == null ? 0 : current.size();
    }

    /** The tree's hashes; read only below {@link #size()}. */
    public TreeHashes hashes() {
        return tree;
    }

    public String origin() {
        return origin;
    }

    /** A receipt for an appended record against the newest checkpoint. */
    public Result<Receipt> receipt(String recordId) {
        Long index = store.indicesOf(List.of(recordId)).get(recordId);
        if (index == null) {
            return Result.notFound("no record '" + recordId + "' in the ledger");
        }
        StoredCheckpoint checkpoint = latest.get();
        return receipt(recordId, index, checkpoint);
    }

    /** A receipt for the entry at {@code index} against the newest checkpoint. */
    public Result<Receipt> receiptAt(long index) {
        StoredCheckpoint checkpoint = latest.get();
        if (checkpoint == null || index < 0 || index >= checkpoint.size()) {
            return Result.notFound("no entry " + index + " in a log of size " + size());
        }
        return store.entry(index)
                .<Result<LogEntry>>map(Result::ok)
                .orElseGet(() -> Result.notFound("no entry " + index))
                .flatMap(entry -> receipt(entry.recordId(), index, checkpoint));
    }

    public Result<ConsistencyProof> consistencyProof(long oldSize, long newSize) {
        if (newSize > size()) {
            return Result.notFound("size " + newSize + " is beyond the log's size " + size());
        }
        return new MerkleLog(tree, suite).consistencyProof(oldSize, newSize);
    }

    /** Adds the cosignatures of {@code cosigned} (same checkpoint text) to the stored checkpoint. */
    public synchronized Result<StoredCheckpoint> addCosignatures(SignedNote cosigned) {
        StoredCheckpoint current = latest.get();
        Result<Checkpoint> parsed = Checkpoint.parse(cosigned.text());
        if (parsed instanceof Result.Failure<Checkpoint> bad) {
            return bad.cast();
        }
        long size = parsed.orElseThrow().size();
        // Merged against the store, which holds every cosignature added so far, not against the copy in memory.
        Optional<StoredCheckpoint> stored = store.checkpoint(size);
        if (stored.isEmpty()) {
            return Result.notFound("no checkpoint for size " + size);
        }
        Result<SignedNote> existing = SignedNote.parse(stored.get().note());
        SignedNote merged = existing.orElseThrow();
        if (!merged.text().equals(cosigned.text())) {
            return Result.conflict("cosigned text differs from the checkpoint issued for size " + size);
        }
        for (var signature : cosigned.signatures()) {
            if (merged.signatures().stream()
                    .noneMatch(s -> s.keyId() == signature.keyId() && s.name().equals(signature.name()))) {
                merged = merged.withSignature(signature);
            }
        }
        store.updateCheckpointNote(size, merged.format());
        StoredCheckpoint updated = new StoredCheckpoint(
                size, stored.get().rootHash(), merged.format(), stored.get().issuedAt());
        // A commit may have issued a newer checkpoint meanwhile; the merged older one must not replace it.
        if (current != null && current.size() == size) {
            latest.compareAndSet(current, updated);
        }
        return Result.ok(updated);
    }

    @Override
    public void close() {
        running = false;
        Thread thread = writer;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.done().complete(Result.unavailable("ledger is shutting down")));
    }

    private void load() {
        InMemoryTreeHashes loaded = new InMemoryTreeHashes(suite);
        List<String> problems = new ArrayList<>();
        store.forEachEntry((index, entry, leafHash) -> {
            if (index != loaded.size()) {
                problems.add("entry " + index + " follows " + (loaded.size() - 1) + ": the log has a gap");
            }
            byte[] recomputed = hasher.leafHash(entry);
            if (!Arrays.equals(recomputed, leafHash) && problems.size() < 10) {
                problems.add("entry " + index + " does not match its stored leaf hash");
            }
            loaded.appendLeafHash(recomputed);
        });
        Optional<StoredCheckpoint> checkpoint = store.latestCheckpoint();
        if (checkpoint.isPresent()) {
            StoredCheckpoint stored = checkpoint.get();
            Result<Checkpoint> opened = Checkpoint.open(stored.note(), List.of(ownKey), 1);
            if (opened instanceof Result.Failure<Checkpoint> bad) {
                problems.add("latest checkpoint (size " + stored.size() + ") fails verification: " + bad.reason());
            } else if (opened.orElseThrow().size() != loaded.size()) {
                problems.add("latest checkpoint is for size "
                        + opened.orElseThrow().size() + " but " + loaded.size() + " entries are stored");
            } else if (!Arrays.equals(opened.orElseThrow().rootHash(), loaded.rootHash())) {
                problems.add("stored entries do not hash to the root of the latest checkpoint");
            }
        } else if (loaded.size() > 0) {
            problems.add(loaded.size() + " entries are stored but no checkpoint covers them");
        }
        tree = loaded;
        latest.set(checkpoint.orElse(null));
        if (!problems.isEmpty()) {
            failure = "integrity check failed: " + String.join("; ", problems);
            log.severe("evidence log " + origin + ": " + failure);
        }
    }

    private void write() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running) {
            try {
                if (storeUnavailable() && System.nanoTime() - reloadAttemptAt >= RELOAD_PAUSE.toNanos()) {
                    reloadAfterFailure(); // the store may answer again: appends resume without a restart
                }
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.log(Level.SEVERE, "evidence log " + origin + ": append failed; reloading from the store", e);
                batch.forEach(p -> p.done().complete(Result.unavailable("ledger store failed; retry")));
                reloadAfterFailure();
            } finally {
                batch.clear();
            }
        }
    }

    // Under the log's lock, like addCosignatures: a merge between load() reading the store and setting 'latest'
    // would otherwise be replaced by the stale copy load() read.
    private synchronized void reloadAfterFailure() {
        reloadAttemptAt = System.nanoTime();
        if (storeUnavailable()) {
            failure = null; // load() decides again; an integrity failure is never cleared
        }
        try {
            load();
        } catch (RuntimeException e) {
            failure = STORE_UNAVAILABLE + e.getMessage();
        }
    }

    private boolean storeUnavailable() {
        String current = failure;
        return current != null && current.startsWith(STORE_UNAVAILABLE);
    }

    private void commit(List<Pending> batch) {
        if (failure != null) {
            batch.forEach(p -> p.done().complete(Result.unavailable("ledger refuses appends: " + failure)));
            return;
        }
        // De-duplicate: a record already in the log, or twice in this batch, is answered with its existing index.
        Map<String, List<Pending>> byId = new LinkedHashMap<>();
        for (Pending pending : batch) {
            byId.computeIfAbsent(pending.evidence().record().id(), id -> new ArrayList<>())
                    .add(pending);
        }
        Map<String, Long> existing = store.indicesOf(byId.keySet());
        Instant now = clock.instant();
        InMemoryTreeHashes hashes = tree;
        List<LogEntry> appended = new ArrayList<>();
        for (Map.Entry<String, List<Pending>> item : byId.entrySet()) {
            if (existing.containsKey(item.getKey())) {
                continue;
            }
            SignedEvidence evidence = item.getValue().get(0).evidence();
            byte[] entry = evidence.payload();
            long index = hashes.append(entry);
            appended.add(new LogEntry(
                    index,
                    evidence.record().id(),
                    entry,
                    hashes.node(0, index),
                    evidence.jws(),
                    evidence.record().subjects(),
                    now));
        }
        StoredCheckpoint checkpoint = latest.get();
        if (!appended.isEmpty()) {
            long size = hashes.size();
            byte[] root = hashes.rootHash();
            SignedNote note = new Checkpoint(origin, size, root).sign(List.of(signer));
            checkpoint = new StoredCheckpoint(size, root, note.format(), now);
            store.append(appended, checkpoint);
            latest.set(checkpoint);
        }
        for (LogEntry entry : appended) {
            existing.put(entry.recordId(), entry.index());
        }
        for (Map.Entry<String, List<Pending>> item : byId.entrySet()) {
            Result<Receipt> receipt = receipt(item.getKey(), existing.get(item.getKey()), checkpoint);
            item.getValue().forEach(p -> p.done().complete(receipt));
        }
    }

    private Result<Receipt> receipt(String recordId, long index, StoredCheckpoint checkpoint) {
        if (checkpoint == null || index >= checkpoint.size()) {
            return Result.unavailable("record '" + recordId + "' is not yet covered by a checkpoint");
        }
        return new MerkleLog(tree, suite)
                .inclusionProof(index, checkpoint.size())
                .map(proof -> new Receipt(recordId, index, checkpoint.note(), proof.hashes()));
    }
}
