package io.trustspace.ledger.merkle;

import static io.trustspace.ledger.merkle.MerkleLogTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.ledger.TestSuites;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MerkleVerifierTest {

    private static final CryptoSuite SUITE = TestSuites.jdk();
    private static final MerkleVerifier VERIFIER = new MerkleVerifier(SUITE);
    private static final byte[] SOME_HASH =
            CtVectors.hex("abacaba000000000000000000000000000000000000000000060061e00123456");

    @Test
    void verifyInclusion_acceptsTheCtVectors() {
        List<byte[]> leaves = CtVectors.leaves();
        for (JsonNode vector : CtVectors.JSON.get("inclusion").values()) {
            int index = vector.get("index").intValue();
            int size = vector.get("size").intValue();
            InclusionProof proof = new InclusionProof(index, size, CtVectors.hexList(vector.get("path")));
            byte[] leafHash = MerkleHasher.of(SUITE).leafHash(leaves.get(index));

            assertThat(VERIFIER.verifyInclusion(leafHash, proof, CtVectors.root(size))
                            .isOk())
                    .isTrue();
            assertThat(VERIFIER.rootFromInclusionProof(leafHash, proof).orElseThrow())
                    .isEqualTo(CtVectors.root(size));
        }
    }

    @Test
    void verifyConsistency_acceptsTheCtVectors() {
        for (JsonNode vector : CtVectors.JSON.get("consistency").values()) {
            int oldSize = vector.get("old").intValue();
            int newSize = vector.get("new").intValue();
            ConsistencyProof proof = new ConsistencyProof(oldSize, newSize, CtVectors.hexList(vector.get("proof")));
            assertThat(VERIFIER.verifyConsistency(proof, CtVectors.root(oldSize), CtVectors.root(newSize)))
                    .isEqualTo(Result.ok(proof));
        }
    }

    @Test
    void everyGeneratedProofUpTo64Leaves_verifies_andEveryTamperedOneIsRefused() {
        List<byte[]> entries = MerkleLogTest.randomEntries(64, 6962);
        InMemoryTreeHashes tree = new InMemoryTreeHashes(SUITE);
        entries.forEach(tree::append);
        MerkleLog log = new MerkleLog(tree, SUITE);
        MerkleHasher hasher = MerkleHasher.of(SUITE);
        int tampered = 0;
        for (int n = 1; n <= 64; n++) {
            byte[] root = log.rootHash(n).orElseThrow();
            for (int m = 0; m < n; m++) {
                InclusionProof proof = log.inclusionProof(m, n).orElseThrow();
                byte[] leaf = hasher.leafHash(entries.get(m));
                assertThat(VERIFIER.verifyInclusion(leaf, proof, root).isOk())
                        .as("%d in %d", m, n)
                        .isTrue();
                for (InclusionProof bad : tamper(proof)) {
                    assertThat(VERIFIER.verifyInclusion(leaf, bad, root).isOk())
                            .as("%s", bad)
                            .isFalse();
                    tampered++;
                }
                assertThat(VERIFIER.verifyInclusion(hasher.leafHash(new byte[] {1, 2, 3}), proof, root)
                                .isOk())
                        .isFalse();
                assertThat(VERIFIER.verifyInclusion(leaf, proof, SOME_HASH).isOk())
                        .isFalse();
            }
            for (int m = 1; m <= n; m++) {
                ConsistencyProof proof = log.consistencyProof(m, n).orElseThrow();
                byte[] oldRoot = log.rootHash(m).orElseThrow();
                assertThat(VERIFIER.verifyConsistency(proof, oldRoot, root).isOk())
                        .as("%d to %d", m, n)
                        .isTrue();
                for (ConsistencyProof bad : tamper(proof)) {
                    assertThat(VERIFIER.verifyConsistency(bad, oldRoot, root).isOk())
                            .as("%s", bad)
                            .isFalse();
                    tampered++;
                }
                if (m < n) {
                    assertThat(VERIFIER.verifyConsistency(proof, root, oldRoot).isOk())
                            .isFalse();
                    assertThat(VERIFIER.verifyConsistency(proof, SOME_HASH, root)
                                    .isOk())
                            .isFalse();
                    assertThat(VERIFIER.verifyConsistency(proof, oldRoot, SOME_HASH)
                                    .isOk())
                            .isFalse();
                }
            }
        }
        assertThat(tampered).isGreaterThan(20_000);
    }

    @Test
    void verifyInclusion_explainsEachRefusal() {
        MerkleLog log = new MerkleLog(MerkleLogTest.ctTree(), SUITE);
        InclusionProof proof = log.inclusionProof(3, 7).orElseThrow();
        byte[] leaf = MerkleHasher.of(SUITE).leafHash(CtVectors.leaves().get(3));
        byte[] root = CtVectors.root(7);

        assertFailure(
                VERIFIER.verifyInclusion(leaf, new InclusionProof(7, 7, proof.hashes()), root),
                Result.Kind.INVALID,
                "index 7 is not below tree size 7");
        List<byte[]> longer = proof.hashes();
        longer.add(SOME_HASH);
        assertFailure(
                VERIFIER.verifyInclusion(leaf, new InclusionProof(3, 7, longer), root),
                Result.Kind.INVALID,
                "proof has 4 hashes, expected 3 for index 3 in a tree of 7");
        assertFailure(
                VERIFIER.verifyInclusion(leaf, new InclusionProof(3, 7, Collections.nCopies(65, SOME_HASH)), root),
                Result.Kind.INVALID,
                "proof has 65 hashes, more than the 64 any tree can need");
        List<byte[]> shortHash = proof.hashes();
        shortHash.set(1, new byte[31]);
        assertFailure(
                VERIFIER.verifyInclusion(leaf, new InclusionProof(3, 7, shortHash), root),
                Result.Kind.INVALID,
                "proof hash 1 has 31 bytes, expected 32");
        assertFailure(
                VERIFIER.verifyInclusion(new byte[20], proof, root),
                Result.Kind.INVALID,
                "leaf hash has 20 bytes, expected 32");
        assertFailure(
                VERIFIER.verifyInclusion(leaf, proof, CtVectors.root(8)),
                Result.Kind.INVALID,
                "root mismatch: the proof for index 3 in a tree of 7 leads to ddb89be4");
    }

    @Test
    void verifyConsistency_explainsEachRefusal() {
        MerkleLog log = new MerkleLog(MerkleLogTest.ctTree(), SUITE);
        ConsistencyProof proof = log.consistencyProof(3, 7).orElseThrow();
        byte[] oldRoot = CtVectors.root(3);
        byte[] newRoot = CtVectors.root(7);

        assertFailure(
                VERIFIER.verifyConsistency(new ConsistencyProof(8, 7, proof.hashes()), oldRoot, newRoot),
                Result.Kind.INVALID,
                "old tree size 8 is larger than new tree size 7");
        assertFailure(
                VERIFIER.verifyConsistency(
                        new ConsistencyProof(3, 7, proof.hashes().subList(0, 2)), oldRoot, newRoot),
                Result.Kind.INVALID,
                "proof has 2 hashes, expected " + proof.length() + " from tree size 3 to 7");
        assertFailure(
                VERIFIER.verifyConsistency(proof, CtVectors.root(4), newRoot),
                Result.Kind.INVALID,
                "old root mismatch");
        assertFailure(
                VERIFIER.verifyConsistency(proof, oldRoot, CtVectors.root(8)),
                Result.Kind.INVALID,
                "new root mismatch");
        assertFailure(
                VERIFIER.verifyConsistency(new ConsistencyProof(7, 7, List.of()), oldRoot, newRoot),
                Result.Kind.INVALID,
                "two different roots for the same tree size 7");
        assertFailure(
                VERIFIER.verifyConsistency(new ConsistencyProof(7, 7, List.of(SOME_HASH)), newRoot, newRoot),
                Result.Kind.INVALID,
                "proof has 1 hashes, expected 0 from tree size 7 to 7");
        assertThat(VERIFIER.verifyConsistency(new ConsistencyProof(0, 7, List.of()), CtVectors.emptyRoot(), newRoot)
                        .isOk())
                .isTrue();
        assertFailure(
                VERIFIER.verifyConsistency(new ConsistencyProof(0, 7, List.of()), oldRoot, newRoot),
                Result.Kind.INVALID,
                "is not the root of the empty tree");
    }

    @Test
    void expectedLengths_matchTheRfcRecursion() {
        assertThat(MerkleVerifier.inclusionProofLength(0, 1)).isZero();
        assertThat(MerkleVerifier.inclusionProofLength(3, 9)).isEqualTo(4);
        assertThat(MerkleVerifier.inclusionProofLength(8, 9)).isEqualTo(1);
        assertThat(MerkleVerifier.inclusionProofLength(0, Long.MAX_VALUE)).isEqualTo(63);
        assertThat(MerkleVerifier.consistencyProofLength(6, 8)).isEqualTo(3);
        assertThat(MerkleVerifier.consistencyProofLength(4, 8)).isEqualTo(1);
        assertThat(MerkleVerifier.consistencyProofLength(1, Long.MAX_VALUE)).isLessThanOrEqualTo(64);
    }

    /**
     * The corruptions of transparency-dev/merkle's verify_test.go. (A tree size of n + 1 is deliberately absent: a
     * proof for n leaves can be a valid proof for n + 1 leaves with a different right edge, which is why the tree
     * size must come from the signed checkpoint.)
     */
    private static List<InclusionProof> tamper(InclusionProof proof) {
        long m = proof.leafIndex();
        long n = proof.treeSize();
        List<InclusionProof> bad = new ArrayList<>();
        bad.add(new InclusionProof(m + 1, n, proof.hashes()));
        bad.add(new InclusionProof(m ^ 2, n, proof.hashes()));
        bad.add(new InclusionProof(m, n * 2, proof.hashes()));
        if (m > 0) {
            bad.add(new InclusionProof(m - 1, n, proof.hashes()));
        }
        if (n / 2 > m) {
            bad.add(new InclusionProof(m, n / 2, proof.hashes()));
        }
        bad.addAll(tamperHashes(proof.hashes(), hashes -> new InclusionProof(m, n, hashes)));
        return bad;
    }

    private static List<ConsistencyProof> tamper(ConsistencyProof proof) {
        long m = proof.oldSize();
        long n = proof.newSize();
        List<ConsistencyProof> bad = new ArrayList<>();
        if (m == n) {
            bad.add(new ConsistencyProof(m, n, List.of(SOME_HASH)));
            return bad;
        }
        bad.add(new ConsistencyProof(m - 1, n, proof.hashes()));
        bad.add(new ConsistencyProof(m + 1, n, proof.hashes()));
        bad.add(new ConsistencyProof(m ^ 2, n, proof.hashes()));
        bad.add(new ConsistencyProof(m, n * 2, proof.hashes()));
        bad.add(new ConsistencyProof(m, n / 2, proof.hashes()));
        bad.add(new ConsistencyProof(m, n, List.of()));
        bad.addAll(tamperHashes(proof.hashes(), hashes -> new ConsistencyProof(m, n, hashes)));
        return bad;
    }

    /** Truncations, extensions, reorderings and single-bit flips of a proof's hashes. */
    private static <P> List<P> tamperHashes(List<byte[]> hashes, Function<List<byte[]>, P> proof) {
        List<P> bad = new ArrayList<>();
        if (!hashes.isEmpty()) {
            bad.add(proof.apply(hashes.subList(0, hashes.size() - 1)));
            bad.add(proof.apply(hashes.subList(1, hashes.size())));
        }
        List<byte[]> appended = new ArrayList<>(hashes);
        appended.add(SOME_HASH);
        bad.add(proof.apply(appended));
        List<byte[]> prepended = new ArrayList<>(hashes);
        prepended.add(0, SOME_HASH);
        bad.add(proof.apply(prepended));
        for (int i = 0; i < hashes.size(); i++) {
            for (int bit : new int[] {0, 7}) {
                List<byte[]> flipped = new ArrayList<>(hashes);
                byte[] hash = hashes.get(i).clone();
                hash[i % hash.length] ^= (byte) (1 << bit);
                flipped.set(i, hash);
                bad.add(proof.apply(flipped));
            }
        }
        if (hashes.size() > 1 && !Arrays.equals(hashes.get(0), hashes.get(1))) {
            List<byte[]> swapped = new ArrayList<>(hashes);
            Collections.swap(swapped, 0, 1);
            bad.add(proof.apply(swapped));
        }
        return bad;
    }
}
