package io.trustspace.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.ledger.TestSuites;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MerkleLogTest {

    private static final CryptoSuite SUITE = TestSuites.jdk();

    @Test
    void rootHash_matchesTheCtVectorsForEverySize() {
        InMemoryTreeHashes tree = new InMemoryTreeHashes(SUITE);
        MerkleLog log = new MerkleLog(tree, SUITE);
        assertThat(log.rootHash(0).orElseThrow()).isEqualTo(CtVectors.emptyRoot());
        for (byte[] leaf : CtVectors.leaves()) {
            tree.append(leaf);
            assertThat(tree.rootHash()).isEqualTo(CtVectors.root((int) tree.size()));
        }
        for (int size = 1; size <= 8; size++) {
            assertThat(log.rootHash(size).orElseThrow()).as("size %d", size).isEqualTo(CtVectors.root(size));
        }
    }

    @Test
    void inclusionProof_matchesTheCtVectors() {
        MerkleLog log = new MerkleLog(ctTree(), SUITE);
        for (JsonNode vector : CtVectors.JSON.get("inclusion").values()) {
            long index = vector.get("index").longValue();
            long size = vector.get("size").longValue();
            InclusionProof proof = log.inclusionProof(index, size).orElseThrow();
            assertThat(proof).isEqualTo(new InclusionProof(index, size, CtVectors.hexList(vector.get("path"))));
        }
    }

    @Test
    void consistencyProof_matchesTheCtVectors() {
        MerkleLog log = new MerkleLog(ctTree(), SUITE);
        for (JsonNode vector : CtVectors.JSON.get("consistency").values()) {
            long oldSize = vector.get("old").longValue();
            long newSize = vector.get("new").longValue();
            ConsistencyProof proof = log.consistencyProof(oldSize, newSize).orElseThrow();
            assertThat(proof).isEqualTo(new ConsistencyProof(oldSize, newSize, CtVectors.hexList(vector.get("proof"))));
        }
    }

    @Test
    void everyRootAndProofUpTo64Leaves_equalsTheLiteralRfcRecursion() {
        List<byte[]> entries = randomEntries(64, 9162);
        InMemoryTreeHashes tree = new InMemoryTreeHashes(SUITE);
        entries.forEach(tree::append);
        MerkleLog log = new MerkleLog(tree, SUITE);
        for (int n = 1; n <= 64; n++) {
            List<byte[]> d = entries.subList(0, n);
            assertThat(log.rootHash(n).orElseThrow()).isEqualTo(ReferenceMerkle.mth(d));
            for (int m = 0; m < n; m++) {
                assertThat(log.inclusionProof(m, n).orElseThrow().hashes())
                        .as("inclusion %d in %d", m, n)
                        .containsExactlyElementsOf(ReferenceMerkle.path(m, d));
            }
            for (int m = 1; m <= n; m++) {
                assertThat(log.consistencyProof(m, n).orElseThrow().hashes())
                        .as("consistency %d to %d", m, n)
                        .containsExactlyElementsOf(ReferenceMerkle.proof(m, d));
            }
        }
    }

    @Test
    void proofs_refuseImpossibleRequestsWithReasons() {
        MerkleLog log = new MerkleLog(ctTree(), SUITE);
        assertFailure(log.inclusionProof(7, 7), Result.Kind.INVALID, "index 7 is not below tree size 7");
        assertFailure(log.inclusionProof(-1, 7), Result.Kind.INVALID, "index -1 is not below tree size 7");
        assertFailure(log.inclusionProof(3, 9), Result.Kind.NOT_FOUND, "tree size 9 is beyond the 8 leaves of the log");
        assertFailure(log.rootHash(9), Result.Kind.NOT_FOUND, "tree size 9 is beyond the 8 leaves");
        assertFailure(log.rootHash(-2), Result.Kind.INVALID, "tree size -2 is negative");
        assertFailure(
                log.consistencyProof(5, 4),
                Result.Kind.INVALID,
                "old tree size 5 is not between 0 and new tree size 4");
        assertThat(log.consistencyProof(0, 8).orElseThrow().length()).isZero();
        assertThat(log.consistencyProof(8, 8).orElseThrow().length()).isZero();
    }

    @Test
    void proofsForAMillionLeafLog_readOnlyLogarithmicallyManyStoredHashes() {
        InMemoryTreeHashes tree = new InMemoryTreeHashes(SUITE);
        int size = 1_000_003;
        for (int i = 0; i < size; i++) {
            tree.appendLeafHash(
                    ReferenceMerkle.sha256(new byte[] {0}, Integer.toString(i).getBytes()));
        }
        CountingTreeHashes counting = new CountingTreeHashes(tree);
        MerkleLog log = new MerkleLog(counting, SUITE);
        MerkleVerifier verifier = new MerkleVerifier(SUITE);
        byte[] root = log.rootHash(size).orElseThrow();
        SplittableRandom random = new SplittableRandom(42);
        long started = System.nanoTime();
        int proofs = 2_000;
        for (int i = 0; i < proofs; i++) {
            long index = random.nextLong(size);
            counting.reads = 0;
            InclusionProof proof = log.inclusionProof(index, size).orElseThrow();
            assertThat(counting.reads).isLessThanOrEqualTo(2 * 64);
            byte[] leaf = tree.node(0, index);
            assertThat(verifier.verifyInclusion(leaf, proof, root).isOk()).isTrue();
        }
        long micros = (System.nanoTime() - started) / 1_000 / proofs;
        System.out.printf("inclusion proof + verification in a %,d-leaf log: %d µs each%n", size, micros);

        long oldSize = 765_432;
        ConsistencyProof consistency = log.consistencyProof(oldSize, size).orElseThrow();
        assertThat(verifier.verifyConsistency(consistency, log.rootHash(oldSize).orElseThrow(), root)
                        .isOk())
                .isTrue();
    }

    static InMemoryTreeHashes ctTree() {
        InMemoryTreeHashes tree = new InMemoryTreeHashes(SUITE);
        CtVectors.leaves().forEach(tree::append);
        return tree;
    }

    static List<byte[]> randomEntries(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] entry = new byte[random.nextInt(0, 40)];
            random.nextBytes(entry);
            entries.add(entry);
        }
        return entries;
    }

    static void assertFailure(Result<?> result, Result.Kind kind, String reason) {
        assertThat(result).isInstanceOf(Result.Failure.class);
        Result.Failure<?> failure = (Result.Failure<?>) result;
        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.reason()).contains(reason);
    }

    private static final class CountingTreeHashes implements TreeHashes {
        private final TreeHashes delegate;
        int reads;

        CountingTreeHashes(TreeHashes delegate) {
            this.delegate = delegate;
        }

        @Override
        public long size() {
            return delegate.size();
        }

        @Override
        public byte[] node(int level, long index) {
            reads++;
            return delegate.node(level, index);
        }
    }
}
