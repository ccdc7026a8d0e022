package io.trustspace.ledger.merkle;

import io.trustspace.crypto.CryptoSuite;
import java.security.DigestException;
import java.security.MessageDigest;

/**
 * RFC 9162 §2.1.1 hashing over the space's suite hash: leaf hash {@code H(0x00 || entry)}, interior node hash
 * {@code H(0x01 || left || right)}, empty tree hash {@code H()}. The domain-separation prefixes keep a leaf from
 * being passed off as an interior node (second-preimage attacks).
 *
 * <p>Holds one {@link MessageDigest} and is therefore <b>not thread-safe</b>: create one per thread or per operation
 * (creation costs one digest lookup). The {@code into} variants write into a caller's buffer so that hot loops
 * (tree building, audits) hash without allocating.
 */
public final class MerkleHasher {

    private static final byte[] LEAF_PREFIX = {0x00};
    private static final byte[] NODE_PREFIX = {0x01};

    private final MessageDigest digest;
    private final int hashLength;

    private MerkleHasher(MessageDigest digest) {
        this.digest = digest;
        this.hashLength = digest.getDigestLength();
        if (hashLength <= 0) {
            throw new IllegalArgumentException(digest.getAlgorithm() + " does not report its digest length");
        }
    }

    /** A hasher over {@code suite}'s hash (SHA-256 in intl, SM3 in gm). */
    public static MerkleHasher of(CryptoSuite suite) {
        return new MerkleHasher(suite.newDigest());
    }

    /** Length in bytes of every hash this hasher produces. */
    public int hashLength() {
        return hashLength;
    }

    /** MTH of the empty tree: the hash of the empty string. */
    public byte[] emptyRoot() {
        return digest.digest();
    }

    /** {@code H(0x00 || entry)}. */
    public byte[] leafHash(byte[] entry) {
        return leafHash(entry, 0, entry.length);
    }

    /** {@code H(0x00 || entry[offset, offset + length))}. */
    public byte[] leafHash(byte[] entry, int offset, int length) {
        digest.update(LEAF_PREFIX);
        digest.update(entry, offset, length);
        return digest.digest();
    }

    /** Writes {@code H(0x00 || entry[offset, offset + length))} into {@code out} at {@code outOffset}. */
    public void leafHashInto(byte[] entry, int offset, int length, byte[] out, int outOffset) {
        digest.update(LEAF_PREFIX);
        digest.update(entry, offset, length);
        finish(out, outOffset);
    }

    /** {@code H(0x01 || left || right)}. */
    public byte[] nodeHash(byte[] left, byte[] right) {
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /**
     * Writes {@code H(0x01 || left || right)} into {@code out} at {@code outOffset}, where each input is one hash at
     * the given offset. {@code out} may be one of the inputs: the inputs are consumed before the output is written.
     */
    public void nodeHashInto(byte[] left, int leftOffset, byte[] right, int rightOffset, byte[] out, int outOffset) {
        digest.update(NODE_PREFIX);
        digest.update(left, leftOffset, hashLength);
        digest.update(right, rightOffset, hashLength);
        finish(out, outOffset);
    }

    private void finish(byte[] out, int outOffset) {
        try {
            digest.digest(out, outOffset, hashLength);
        } catch (DigestException e) {
            throw new IllegalArgumentException("no room for a " + hashLength + "-byte hash at " + outOffset, e);
        }
    }
}
