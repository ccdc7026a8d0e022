package io.trustspace.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.crypto.CryptoSuite;
import io.trustspace.ledger.TestSuites;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryTreeHashesTest {

    private static final CryptoSuite SUITE = TestSuites.jdk();

    @Test
    void node_isTheMerkleTreeHashOfItsFullSubtree() {
        List<byte[]> entries = MerkleLogTest.randomEntries(37, 1);
        InMemoryTreeHashes tree = new InMemoryTreeHashes(SUITE);
        assertThat(tree.appendAll(entries)).isZero();

        for (int level = 0; level <= 5; level++) {
            long width = 1L << level;
            for (long index = 0; (index + 1) * width <= 37; index++) {
                List<byte[]> leaves = entries.subList((int) (index * width), (int) ((index + 1) * width));
                assertThat(tree.node(level, index)).isEqualTo(ReferenceMerkle.mth(leaves));
            }
        }
        assertThat(tree.rootHash()).isEqualTo(ReferenceMerkle.mth(entries));
    }

    @Test
    void node_refusesSubtreesThatAreNotComplete() {
        InMemoryTreeHashes tree = new InMemoryTreeHashes(SUITE);
        MerkleLogTest.randomEntries(6, 2).forEach(tree::append);

        assertThat(tree.node(1, 2)).hasSize(32);
        assertThatThrownBy(() -> tree.node(1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.node(3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.node(0, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.node(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.appendLeafHash(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void appendLeafHash_buildsTheSameTreeAsAppend() {
        List<byte[]> entries = MerkleLogTest.randomEntries(5000, 3);
        InMemoryTreeHashes byEntry = new InMemoryTreeHashes(SUITE);
        InMemoryTreeHashes byHash = new InMemoryTreeHashes(SUITE);
        MerkleHasher hasher = MerkleHasher.of(SUITE);
        for (byte[] entry : entries) {
            byEntry.append(entry);
            byHash.appendLeafHash(hasher.leafHash(entry));
        }
        assertThat(byHash.rootHash()).isEqualTo(byEntry.rootHash());
        assertThat(byHash.node(12, 0)).isEqualTo(byEntry.node(12, 0));
    }

    @Test
    void readersRunningDuringAppends_onlySeeCompleteConsistentTrees() throws Exception {
        InMemoryTreeHashes tree = new InMemoryTreeHashes(SUITE);
        List<byte[]> entries = MerkleLogTest.randomEntries(20_000, 4);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> writer = pool.submit(() -> entries.forEach(tree::append));
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                long seed = r;
                readers.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    MerkleVerifier verifier = new MerkleVerifier(SUITE);
                    MerkleHasher hasher = MerkleHasher.of(SUITE);
                    int checked = 0;
                    while (!writer.isDone() || checked < 100) {
                        long size = tree.size();
                        if (size == 0) {
                            continue;
                        }
                        MerkleLog log = new MerkleLog(tree, SUITE);
                        long index = random.nextLong(size);
                        InclusionProof proof = log.inclusionProof(index, size).orElseThrow();
                        byte[] root = log.rootHash(size).orElseThrow();
                        byte[] leaf = hasher.leafHash(entries.get((int) index));
                        assertThat(verifier.verifyInclusion(leaf, proof, root).isOk())
                                .isTrue();
                        checked++;
                    }
                    return checked;
                }));
            }
            writer.get(60, TimeUnit.SECONDS);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(100);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(tree.rootHash())
                .isEqualTo(new MerkleLog(tree, SUITE).rootHash(20_000).orElseThrow());
    }
}
