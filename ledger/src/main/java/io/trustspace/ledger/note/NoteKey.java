package io.trustspace.ledger.note;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed-note public key: the key name, the signature type and the raw public key, from which the 4-byte key ID is
 * derived as c2sp.org/signed-note recommends: {@code SHA-256(name || 0x0A || type identifier || public key)[:4]}.
 * (SHA-256 here is part of the note format, whichever suite the space uses.)
 *
 * <p>Its text form is the verifier key of golang.org/x/mod/sumdb/note, which witnesses and tools already read:
 * {@code <name>+<8 hex digits of the key ID>+<base64(type identifier || public key)>}. This is how a log or cosigner
 * key is shared and configured.
 *
 * <p>Immutable and thread-safe.
 */
public record NoteKey(String name, NoteKeyType type, byte[] publicKey) {

    /** Longest key name accepted, in chars. */
    public static final int MAX_NAME_LENGTH = 256;

    /** Longest verifier key text accepted, in chars. */
    private static final int MAX_TEXT_LENGTH = 1024;

    public NoteKey {
        Objects.requireNonNull(type, "type");
        checkName(name).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        if (publicKey.length != type.publicKeyLength()) {
            throw new IllegalArgumentException(
                    "a " + type + " public key has " + type.publicKeyLength() + " bytes, not " + publicKey.length);
        }
        publicKey = publicKey.clone();
    }

    /** The note key for a JCA public key. */
    public static NoteKey of(String name, NoteKeyType type, PublicKey key) {
        return new NoteKey(name, type, PublicKeyEncoding.encode(type, key));
    }

    /**
     * Parses a verifier key {@code name+hash+base64}. The key ID must match the one computed from the rest, as a
     * mistyped or tampered key would otherwise silently match no signature.
     */
    public static Result<NoteKey> parse(String text) {
        if (text.length() > MAX_TEXT_LENGTH) {
            return Result.invalid("verifier key of " + text.length() + " chars exceeds " + MAX_TEXT_LENGTH);
        }
        int firstPlus = text.indexOf('+');
        int secondPlus = firstPlus < 0 ? -1 : text.indexOf('+', firstPlus + 1);
        if (secondPlus < 0) {
            return Result.invalid("verifier key is not of the form <name>+<key id>+<key>");
        }
        String name = text.substring(0, firstPlus);
        String hash = text.substring(firstPlus + 1, secondPlus);
        Optional<String> badName = checkName(name);
        if (badName.isPresent()) {
            return Result.invalid("verifier key: " + badName.get());
        }
        if (hash.length() != 8 || !hash.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Result.invalid("verifier key id '" + hash + "' is not 8 hex digits");
        }
        byte[] typeAndKey;
        try {
            typeAndKey = Base64.getDecoder().decode(text.substring(secondPlus + 1));
        } catch (IllegalArgumentException e) {
            return Result.invalid("verifier key material is not base64: " + e.getMessage());
        }
        Optional<NoteKeyType> type = NoteKeyType.identifiedBy(typeAndKey);
        if (type.isEmpty()) {
            return Result.invalid("verifier key has an unsupported signature type "
                    + (typeAndKey.length == 0 ? "(none)" : String.format("0x%02x", typeAndKey[0] & 0xff)));
        }
        int identifierLength = type.get().identifier().length;
        byte[] key = Arrays.copyOfRange(typeAndKey, identifierLength, typeAndKey.length);
        if (key.length != type.get().publicKeyLength()) {
            return Result.invalid("verifier key has a " + key.length + "-byte " + type.get() + " public key, expected "
                    + type.get().publicKeyLength());
        }
        NoteKey parsed = new NoteKey(name, type.get(), key);
        if (parsed.keyId() != (int) Long.parseLong(hash, 16)) {
            return Result.invalid(
                    "verifier key id " + hash + " does not match the key, whose id is " + parsed.keyIdHex());
        }
        return Result.ok(parsed);
    }

    /** The key ID: the first 4 bytes, big-endian, of SHA-256(name || 0x0A || type identifier || public key). */
    public int keyId() {
        MessageDigest sha256 = sha256();
        sha256.update(name.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        sha256.update(type.identifier());
        sha256.update(publicKey);
        byte[] hash = sha256.digest();
        return ((hash[0] & 0xff) << 24) | ((hash[1] & 0xff) << 16) | ((hash[2] & 0xff) << 8) | (hash[3] & 0xff);
    }

    /** The key ID as 8 lower-case hex digits. */
    public String keyIdHex() {
        return HexFormat.of().toHexDigits(keyId());
    }

    /** The verifier key text {@code name+hash+base64(type identifier || public key)}. */
    public String toVerifierKey() {
        byte[] identifier = type.identifier();
        byte[] typeAndKey = Arrays.copyOf(identifier, identifier.length + publicKey.length);
        System.arraycopy(publicKey, 0, typeAndKey, identifier.length, publicKey.length);
        return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(typeAndKey);
    }

    /** A copy of the raw public key. */
    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * A verifier for this key that checks signatures through {@code suite}: a {@link CosignatureVerifier} for
     * {@link NoteKeyType#COSIGNATURE_V1}, a {@link SuiteNoteVerifier} otherwise. The raw key is decoded by the crypto
     * module ({@code KeyType.publicKey}), which needs no installed security provider; a key that is not a valid point
     * is an {@code INVALID} failure.
     */
    public Result<NoteVerifier> verifier(CryptoSuite suite) {
        return PublicKeyEncoding.decode(type, publicKey).map(key -> verifier(suite, key));
    }

    /** A verifier for this key that checks signatures with {@code key} through {@code suite}. */
    public NoteVerifier verifier(CryptoSuite suite, PublicKey key) {
        if (!Arrays.equals(PublicKeyEncoding.encode(type, key), publicKey)) {
            throw new IllegalArgumentException("the public key given is not the key of " + name);
        }
        return type == NoteKeyType.COSIGNATURE_V1
                ? new CosignatureVerifier(this, key, suite)
                : new SuiteNoteVerifier(this, key, suite);
    }

    /** Why {@code name} cannot be a key name, if it cannot: empty, too long, or with a space, plus or control. */
    static Optional<String> checkName(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("key name is empty");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return Optional.of("key name of " + name.length() + " chars exceeds " + MAX_NAME_LENGTH);
        }
        boolean forbidden = name.codePoints()
                .anyMatch(c -> c == '+'
                        || Character.isWhitespace(c)
                        || Character.isSpaceChar(c)
                        || Character.isISOControl(c)
                        || Character.getType(c) == Character.SURROGATE);
        if (forbidden) {
            return Optional.of(
                    "key name '" + name + "' contains a space, plus, control character or unpaired" + " surrogate");
        }
        return Optional.empty();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteKey that
                && name.equals(that.name)
                && type == that.type
                && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, Arrays.hashCode(publicKey));
    }

    @Override
    public String toString() {
        return toVerifierKey();
    }
}
