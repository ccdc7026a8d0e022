package io.trustspace.bench;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.SuiteId;
import io.trustspace.crypto.jose.Jws;
import io.trustspace.crypto.jose.VerifiedJws;
import io.trustspace.ledger.evidence.SignedEvidence;
import io.trustspace.ledger.merkle.InMemoryTreeHashes;
import io.trustspace.ledger.note.Checkpoint;
import io.trustspace.ledger.note.SuiteNoteSigner;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The signatures on the ledger's hot paths, Ed25519 (intl) and SM2 (gm): verifying an actor's detached JWS over a
 * canonical evidence record (what {@code EvidenceLog.submit} pays per record), signing one (what the
 * {@code EvidenceRecorder} pays), and signing a checkpoint (what the log pays once per committed batch).
 *
 * <p>A single-threaded cost per operation; on {@code n} free cores the ceiling is roughly {@code n / cost}.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignatureBenchmark {

    private static final long SEED = 20250301L;
    private static final int RECORDS = 256;

    @Param({"intl", "gm"})
    public String suite;

    private CryptoSuite crypto;
    private KeyPair actor;
    private SignedEvidence[] evidence;
    private byte[][] payloads;
    private SuiteNoteSigner logSigner;
    private Checkpoint checkpoint;
    private int cursor;

    @Setup
    public void sign() {
        crypto = CryptoSuites.of(SuiteId.parse(suite));
        actor = crypto.generateSigningKeyPair();
        EvidenceSamples samples = new EvidenceSamples(crypto, SEED);
        evidence = new SignedEvidence[RECORDS];
        payloads = new byte[RECORDS][];
        for (int i = 0; i < RECORDS; i++) {
            samples.checkTemplate(i);
            payloads[i] = samples.entry(i);
            String jws =
                    Jws.signDetached(crypto, actor.getPrivate(), EvidenceSamples.ACTOR_KEY_ID, Map.of(), payloads[i]);
            evidence[i] = new SignedEvidence(samples.record(i), jws);
            Jws.verifyDetached(jws, payloads[i], actor.getPublic()).orElseThrow();
        }
        logSigner = SuiteNoteSigner.create(EvidenceSamples.LOG_ORIGIN, crypto.generateSigningKeyPair(), crypto);
        InMemoryTreeHashes tree = new InMemoryTreeHashes(crypto);
        for (int i = 0; i < RECORDS; i++) {
            tree.append(payloads[i]);
        }
        checkpoint = new Checkpoint(EvidenceSamples.LOG_ORIGIN, tree.size(), tree.rootHash());
    }

    private int next() {
        cursor = (cursor + 1) % RECORDS;
        return cursor;
    }

    /** The JWS check alone, over canonical bytes the caller already has. */
    @Benchmark
    public Result<VerifiedJws> evidenceJwsVerify() {
        int i = next();
        return Jws.verifyDetached(evidence[i].jws(), payloads[i], actor.getPublic());
    }

    /**
     * The whole per-record check of {@code EvidenceLog.submit}: canonicalise the record (the detached payload) and
     * verify the JWS over it, as the driver's {@code RecordSignatureVerifier} does.
     */
    @Benchmark
    public Result<VerifiedJws> evidenceRecordVerify() {
        SignedEvidence signed = evidence[next()];
        return Jws.verifyDetached(signed.jws(), signed.payload(), actor.getPublic());
    }

    /** An actor signing a record: what {@code EvidenceRecorder.record} pays besides the database. */
    @Benchmark
    public String evidenceJwsSign() {
        return Jws.signDetached(crypto, actor.getPrivate(), EvidenceSamples.ACTOR_KEY_ID, Map.of(), payloads[next()]);
    }

    /** The log signing the checkpoint of a batch, note formatting included. */
    @Benchmark
    public String checkpointSign() {
        return checkpoint.sign(List.of(logSigner)).format();
    }
}
