package io.trustspace.ledger.tile;

import io.trustspace.common.Result;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry bundle encoding of c2sp.org/tlog-tiles: the entries of one level-0 tile, each as a big-endian uint16
 * length followed by the entry bytes. Entries are therefore at most {@value #MAX_ENTRY_LENGTH} bytes.
 *
 * <p>Stateless and thread-safe.
 */
public final class EntryBundle {

    /** Largest entry a bundle can carry. */
    public static final int MAX_ENTRY_LENGTH = 0xFFFF;

    private EntryBundle() {}

    /** Receives the entries of a bundle without copying them. */
    @FunctionalInterface
    public interface EntryConsumer {
        /** Entry {@code position} of the bundle is {@code bundle[offset, offset + length)}. */
        void accept(int position, byte[] bundle, int offset, int length);
    }

    /**
     * The bundle of {@code entries}.
     *
     * @throws IllegalArgumentException for more than 256 entries or an entry longer than {@value #MAX_ENTRY_LENGTH}
     */
    public static byte[] encode(List<byte[]> entries) {
        if (entries.size() > Tile.FULL_WIDTH) {
            throw new IllegalArgumentException("a bundle holds at most " + Tile.FULL_WIDTH + " entries");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] entry : entries) {
            if (entry.length > MAX_ENTRY_LENGTH) {
                throw new IllegalArgumentException(
                        "entry of " + entry.length + " bytes exceeds the bundle limit of " + MAX_ENTRY_LENGTH);
            }
            out.write(entry.length >>> 8);
            out.write(entry.length & 0xFF);
            out.write(entry, 0, entry.length);
        }
        return out.toByteArray();
    }

    /** The entries of a bundle that must hold exactly {@code count} of them. */
    public static Result<List<byte[]>> decode(byte[] bundle, int count) {
        List<byte[]> entries = new ArrayList<>(count);
        return forEach(bundle, count, (position, bytes, offset, length) -> {
                    byte[] entry = new byte[length];
                    System.arraycopy(bytes, offset, entry, 0, length);
                    entries.add(entry);
                })
                .map(ignored -> entries);
    }

    /**
     * Walks the first {@code count} entries of {@code bundle}. The bundle must hold at least that many; with
     * {@code exact}, exactly that many and nothing after them.
     */
    static Result<Integer> forEach(byte[] bundle, int count, boolean exact, EntryConsumer consumer) {
        int offset = 0;
        for (int position = 0; position < count; position++) {
            if (offset + 2 > bundle.length) {
                return Result.invalid("bundle ends after " + position + " entries, " + count + " expected");
            }
            int length = ((bundle[offset] & 0xFF) << 8) | (bundle[offset + 1] & 0xFF);
            offset += 2;
            if (offset + length > bundle.length) {
                return Result.invalid("entry " + position + " of the bundle claims " + length + " bytes, "
                        + (bundle.length - offset) + " remain");
            }
            consumer.accept(position, bundle, offset, length);
            offset += length;
        }
        if (exact && offset != bundle.length) {
            return Result.invalid("bundle has " + (bundle.length - offset) + " bytes after its " + count + " entries");
        }
        return Result.ok(count);
    }

    /** {@link #forEach(byte[], int, boolean, EntryConsumer)} requiring exactly {@code count} entries. */
    public static Result<Integer> forEach(byte[] bundle, int count, EntryConsumer consumer) {
        return forEach(bundle, count, true, consumer);
    }
}
