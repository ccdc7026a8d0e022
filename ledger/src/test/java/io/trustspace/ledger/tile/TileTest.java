package io.trustspace.ledger.tile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.ledger.TestSuites;
import io.trustspace.ledger.merkle.InMemoryTreeHashes;
import io.trustspace.ledger.merkle.MerkleLog;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TileTest {

    private static final CryptoSuite SUITE = TestSuites.jdk();

    @Test
    void paths_encodeTheIndexInXPrefixedGroupsOfThreeDigits() {
        assertThat(new Tile(0, 1234067, 256).path()).isEqualTo("tile/0/x001/x234/067");
        assertThat(new Tile(0, 0, 256).path()).isEqualTo("tile/0/000");
        assertThat(new Tile(2, 1000, 17).path()).isEqualTo("tile/2/x001/000.p/17");
        assertThat(new Tile(0, 999, 112).entriesPath()).isEqualTo("tile/entries/999.p/112");
        assertThat(new Tile(0, Long.MAX_VALUE, 256).path()).isEqualTo("tile/0/x009/x223/x372/x036/x854/x775/807");
        assertThatThrownBy(() -> new Tile(1, 0, 256).entriesPath()).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tile/0/x001/x234/067", "tile/63/000", "tile/2/x001/000.p/17", "tile/0/005.p/255"})
    void parsePath_readsWhatPathWrites(String path) {
        assertThat(Tile.parsePath(path).orElseThrow().path()).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "tile/0/x000/005", "tile/0/5", "tile/0/0005", "tile/01/000", "tile/64/000", "tile/0/000.p/0",
                "tile/0/000.p/256", "tile/0/000.p/012", "tile/0/001/002", "tile/0/x001", "tile/entries/000",
                        "tile//000",
                "tile/0/x009/x223/x372/x036/x854/x775/808"
            })
    void parsePath_refusesNonCanonicalPaths(String path) {
        assertThat(Tile.parsePath(path)).isInstanceOf(Result.Failure.class);
    }

    @Test
    void parseEntriesPath_givesTheLevelZeroTile() {
        assertThat(Tile.parseEntriesPath("tile/entries/x001/234.p/9").orElseThrow())
                .isEqualTo(new Tile(0, 1234, 9));
        assertThat(Tile.parseEntriesPath("tile/0/000")).isInstanceOf(Result.Failure.class);
    }

    @Test
    void forTree_listsTheTilesOfTheSpecExample() {
        Map<Integer, List<Tile>> byLevel = Tile.forTree(70_000).stream().collect(Collectors.groupingBy(Tile::level));

        assertThat(byLevel.get(0)).hasSize(274);
        assertThat(byLevel.get(0).stream().filter(Tile::isPartial)).containsExactly(new Tile(0, 273, 112));
        assertThat(byLevel.get(1)).containsExactly(new Tile(1, 0, 256), new Tile(1, 1, 17));
        assertThat(byLevel.get(2)).containsExactly(new Tile(2, 0, 1));
        assertThat(byLevel).hasSize(3);
        assertThat(Tile.forTree(256)).containsExactly(new Tile(0, 0, 256), new Tile(1, 0, 1));
        assertThat(Tile.forTree(0)).isEmpty();
    }

    @Test
    void read_concatenatesTheHashesAtTreeLevelEightTimesTheTileLevel() {
        InMemoryTreeHashes tree = new InMemoryTreeHashes(SUITE);
        for (int i = 0; i < 70_000; i++) {
            tree.append(Integer.toString(i).getBytes());
        }
        MerkleLog log = new MerkleLog(tree, SUITE);

        byte[] level0 = new Tile(0, 273, 112).read(tree).orElseThrow();
        assertThat(Arrays.copyOfRange(level0, 0, 32)).isEqualTo(tree.node(0, 273 * 256));
        byte[] level1 = new Tile(1, 1, 17).read(tree).orElseThrow();
        assertThat(level1).hasSize(17 * 32);
        // Hash 16 of level-1 tile 1 is the root of the full level-0 tile 256 + 16.
        byte[] fullTile = new Tile(0, 272, 256).read(tree).orElseThrow();
        assertThat(Arrays.copyOfRange(level1, 16 * 32, 17 * 32)).isEqualTo(rootOfTile(fullTile));
        byte[] level2 = new Tile(2, 0, 1).read(tree).orElseThrow();
        assertThat(level2).isEqualTo(log.rootHash(65_536).orElseThrow());

        assertThat(new Tile(0, 273, 113).read(tree)).isInstanceOf(Result.Failure.class);
        assertThat(new Tile(1, 1, 18).read(tree)).isInstanceOf(Result.Failure.class);
    }

    private static byte[] rootOfTile(byte[] tile) {
        InMemoryTreeHashes subtree = new InMemoryTreeHashes(SUITE);
        for (int i = 0; i < 256; i++) {
            subtree.appendLeafHash(Arrays.copyOfRange(tile, i * 32, i * 32 + 32));
        }
        return subtree.rootHash();
    }

    @Test
    void entryBundles_roundTrip_andRefuseMalformedInput() {
        List<byte[]> entries = List.of(new byte[0], "a".getBytes(), new byte[EntryBundle.MAX_ENTRY_LENGTH]);
        byte[] bundle = EntryBundle.encode(entries);

        assertThat(bundle).startsWith(0, 0, 0, 1, 'a', 0xff, 0xff);
        assertThat(EntryBundle.decode(bundle, 3).orElseThrow())
                .usingElementComparator(Arrays::compare)
                .containsExactlyElementsOf(entries);
        assertReason(EntryBundle.decode(bundle, 4), "bundle ends after 3 entries, 4 expected");
        assertReason(EntryBundle.decode(bundle, 2), "bundle has 65537 bytes after its 2 entries");
        assertReason(
                EntryBundle.decode(Arrays.copyOf(bundle, bundle.length - 1), 3),
                "entry 2 of the bundle claims 65535 bytes, 65534 remain");
        assertThatThrownBy(() -> EntryBundle.encode(List.of(new byte[EntryBundle.MAX_ENTRY_LENGTH + 1])))
                .isInstanceOf(IllegalArgumentException.class);
        Function<Integer, List<byte[]>> many = n -> Collections.nCopies(n, new byte[1]);
        assertThatThrownBy(() -> EntryBundle.encode(many.apply(257))).isInstanceOf(IllegalArgumentException.class);
    }

    static void assertReason(Result<?> result, String reason) {
        assertThat(result).isInstanceOf(Result.Failure.class);
        assertThat(((Result.Failure<?>) result).reason()).contains(reason);
    }
}
