package io.trustspace.ledger.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/** Defensive copying, comparison and printing of proof hash lists, for the proof records. */
final class HashList {

    private HashList() {}

    static List<byte[]> copyOf(List<byte[]> hashes) {
        Objects.requireNonNull(hashes, "hashes");
        List<byte[]> copy = new ArrayList<>(hashes.size());
        for (byte[] hash : hashes) {
            copy.add(Objects.requireNonNull(hash, "hash").clone());
        }
        return copy;
    }

    static boolean equal(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static int hash(List<byte[]> hashes) {
        int result = 1;
        for (byte[] hash : hashes) {
            result = 31 * result + Arrays.hashCode(hash);
        }
        return result;
    }

    static String toString(List<byte[]> hashes) {
        List<String> hex = new ArrayList<>(hashes.size());
        for (byte[] hash : hashes) {
            hex.add(HexFormat.of().formatHex(hash));
        }
        return hex.toString();
    }
}
