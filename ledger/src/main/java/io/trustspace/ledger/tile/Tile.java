package io.trustspace.ledger.tile;

import io.trustspace.common.Result;
import io.trustspace.ledger.merkle.TreeHashes;
import java.util.ArrayList;
import java.util.List;

/**
 * A tile of a tiled transparency log (c2sp.org/tlog-tiles): {@code width} consecutive Merkle tree hashes at tree
 * level {@code 8·level}, starting at node {@code 256·index} of that level. A full tile holds {@value #FULL_WIDTH}
 * hashes; a partial tile on the right edge holds 1 to 255.
 *
 * <p>Level-0 tiles hold leaf hashes, and entry bundle {@code index} holds the entries of level-0 tile {@code index}.
 * A level-{@code L} hash is the root of a full level-{@code L-1} tile, so a tile is a height-8 subtree whose own
 * interior hashes are recomputed from its leaves.
 *
 * <p>Immutable.
 */
public record Tile(int level, long index, int width) {

    /** Tree levels per tile level. */
    public static final int HEIGHT = 8;

    /** Hashes in a full tile (2^HEIGHT). */
    public static final int FULL_WIDTH = 1 << HEIGHT;

    /** Highest tile level the path format allows. */
    public static final int MAX_LEVEL = 63;

    public Tile {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("tile level " + level + " is not between 0 and " + MAX_LEVEL);
        }
        if (index < 0) {
            throw new IllegalArgumentException("tile index " + index + " is negative");
        }
        if (width < 1 || width > FULL_WIDTH) {
            throw new IllegalArgumentException("tile width " + width + " is not between 1 and " + FULL_WIDTH);
        }
    }

    /** True for a tile of fewer than {@value #FULL_WIDTH} hashes. */
    public boolean isPartial() {
        return width < FULL_WIDTH;
    }

    /** The tile at the same position with all {@value #FULL_WIDTH} hashes, for fetching when a partial is gone. */
    public Tile full() {
        return new Tile(level, index, FULL_WIDTH);
    }

    /** {@code tile/<L>/<N>[.p/<W>]}. */
    public String path() {
        return "tile/" + level + "/" + encodeIndex(index) + partialSuffix();
    }

    /**
     * {@code tile/entries/<N>[.p/<W>]}, the entry bundle of this level-0 tile.
     *
     * @throws IllegalStateException for tiles above level 0, which have no entries
     */
    public String entriesPath() {
        if (level != 0) {
            throw new IllegalStateException("only level-0 tiles have entry bundles");
        }
        return "tile/entries/" + encodeIndex(index) + partialSuffix();
    }

    /** The number of nodes at tree level {@code 8·level} that are full subtrees in a tree of {@code treeSize}. */
    static long nodesAtLevel(int level, long treeSize) {
        int treeLevel = level * HEIGHT;
        return treeLevel >= Long.SIZE - 1 ? 0 : treeSize >>> treeLevel;
    }

    /** Every tile, full and partial, of every level that a tree of {@code treeSize} leaves is served as. */
    public static List<Tile> forTree(long treeSize) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size " + treeSize + " is negative");
        }
        List<Tile> tiles = new ArrayList<>();
        for (int level = 0; level <= MAX_LEVEL; level++) {
            long nodes = nodesAtLevel(level, treeSize);
            if (nodes == 0) {
                break;
            }
            for (long index = 0; index < nodes / FULL_WIDTH; index++) {
                tiles.add(new Tile(level, index, FULL_WIDTH));
            }
            if (nodes % FULL_WIDTH != 0) {
                tiles.add(new Tile(level, nodes / FULL_WIDTH, (int) (nodes % FULL_WIDTH)));
            }
        }
        return tiles;
    }

    /**
     * The tile's bytes: its hashes concatenated, read from {@code hashes}. NOT_FOUND if the log does not have all
     * of them yet.
     */
    public Result<byte[]> read(TreeHashes hashes) {
        long first = index * FULL_WIDTH;
        long available = nodesAtLevel(level, hashes.size());
        if (first + width > available) {
            return Result.notFound(path() + " is beyond the " + hashes.size() + " leaves of the log");
        }
        byte[] out = null;
        for (int i = 0; i < width; i++) {
            byte[] hash = hashes.node(level * HEIGHT, first + i);
            if (out == null) {
                out = new byte[width * hash.length];
            }
            System.arraycopy(hash, 0, out, i * hash.length, hash.length);
        }
        return Result.ok(out);
    }

    /** Parses {@code tile/<L>/<N>[.p/<W>]}, accepting only the canonical encoding. */
    public static Result<Tile> parsePath(String path) {
        if (!path.startsWith("tile/") || path.startsWith("tile/entries/")) {
            return Result.invalid("'" + path + "' is not a tile path");
        }
        String rest = path.substring("tile/".length());
        int slash = rest.indexOf('/');
        if (slash < 1 || !rest.substring(0, slash).chars().allMatch(Character::isDigit) || slash > 2) {
            return Result.invalid("'" + path + "' has no valid tile level");
        }
        int level = Integer.parseInt(rest.substring(0, slash));
        if (level > MAX_LEVEL || (slash == 2 && rest.charAt(0) == '0')) {
            return Result.invalid("'" + path + "' has no valid tile level");
        }
        return parseIndexAndWidth(path, level, rest.substring(slash + 1));
    }

    /** Parses {@code tile/entries/<N>[.p/<W>]} into the level-0 tile whose entries it holds. */
    public static Result<Tile> parseEntriesPath(String path) {
        if (!path.startsWith("tile/entries/")) {
            return Result.invalid("'" + path + "' is not an entry bundle path");
        }
        return parseIndexAndWidth(path, 0, path.substring("tile/entries/".length()));
    }

    private static Result<Tile> parseIndexAndWidth(String path, int level, String indexAndWidth) {
        String indexPart = indexAndWidth;
        int width = FULL_WIDTH;
        int partial = indexAndWidth.indexOf(".p/");
        if (partial >= 0) {
            indexPart = indexAndWidth.substring(0, partial);
            String widthPart = indexAndWidth.substring(partial + 3);
            if (widthPart.isEmpty()
                    || widthPart.length() > 3
                    || !widthPart.chars().allMatch(Character::isDigit)
                    || widthPart.charAt(0) == '0'
                    || Integer.parseInt(widthPart) >= FULL_WIDTH) {
                return Result.invalid("'" + path + "' has a partial width that is not 1 to 255");
            }
            width = Integer.parseInt(widthPart);
        }
        Long index = decodeIndex(indexPart);
        if (index == null || !encodeIndex(index).equals(indexPart)) {
            return Result.invalid("'" + path + "' has a tile index that is not canonical x-prefixed 3-digit groups");
        }
        return Result.ok(new Tile(level, index, width));
    }

    /** {@code 1234067} as {@code x001/x234/067}: 3-digit groups, all but the last prefixed with x. */
    static String encodeIndex(long index) {
        String digits = Long.toString(index);
        int padding = (3 - digits.length() % 3) % 3;
        digits = "0".repeat(padding) + digits;
        StringBuilder out = new StringBuilder();
        for (int group = 0; group < digits.length(); group += 3) {
            boolean last = group + 3 == digits.length();
            out.append(last ? "" : "x").append(digits, group, group + 3).append(last ? "" : "/");
        }
        return out.toString();
    }

    private static Long decodeIndex(String encoded) {
        String[] groups = encoded.split("/", -1);
        if (groups.length > 7) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            boolean last = i == groups.length - 1;
            String number = last ? group : group.startsWith("x") ? group.substring(1) : "";
            if (number.length() != 3 || !number.chars().allMatch(Character::isDigit)) {
                return null;
            }
            digits.append(number);
        }
        try {
            return Long.parseLong(digits.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String partialSuffix() {
        return isPartial() ? ".p/" + width : "";
    }
}
