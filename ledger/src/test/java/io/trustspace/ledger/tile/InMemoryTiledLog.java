package io.trustspace.ledger.tile;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.ledger.merkle.InMemoryTreeHashes;
import io.trustspace.ledger.note.Checkpoint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A tiled log served from memory, computing each resource on request, with knobs to tamper and withhold. */
final class InMemoryTiledLog implements TileSource {

    final List<byte[]> entries = new ArrayList<>();
    final InMemoryTreeHashes tree;
    final Map<String, byte[]> overrides = new HashMap<>();
    final Set<String> withheld = new HashSet<>();
    final List<String> requested = new ArrayList<>();
    String checkpointText;

    InMemoryTiledLog(CryptoSuite suite) {
        this.tree = new InMemoryTreeHashes(suite);
    }

    void append(byte[] entry) {
        entries.add(entry);
        tree.append(entry);
    }

    Checkpoint checkpoint() {
        return new Checkpoint("test.example/log", tree.size(), tree.rootHash());
    }

    @Override
    public Optional<byte[]> fetch(String path) {
        requested.add(path);
        if (withheld.contains(path)) {
            return Optional.empty();
        }
        if (overrides.containsKey(path)) {
            return Optional.of(overrides.get(path));
        }
        if (path.equals("checkpoint")) {
            return Optional.ofNullable(checkpointText).map(text -> text.getBytes(StandardCharsets.UTF_8));
        }
        if (path.startsWith("tile/entries/")) {
            return ok(Tile.parseEntriesPath(path)).flatMap(this::bundle);
        }
        return ok(Tile.parsePath(path)).flatMap(tile -> ok(tile.read(tree)));
    }

    private Optional<byte[]> bundle(Tile tile) {
        long first = tile.index() * Tile.FULL_WIDTH;
        if (first + tile.width() > entries.size()) {
            return Optional.empty();
        }
        return Optional.of(EntryBundle.encode(entries.subList((int) first, (int) first + tile.width())));
    }

    private static <T> Optional<T> ok(Result<T> result) {
        return result.isOk() ? Optional.of(result.orElseThrow()) : Optional.empty();
    }
}
