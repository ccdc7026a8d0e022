package io.trustspace.crypto;

import java.security.Provider;
import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Creates the suites. The suites use one Bouncy Castle provider instance passed explicitly to every JCA call, so
 * nothing depends on {@code Security.addProvider} or on the order of installed providers.
 */
public final class CryptoSuites {

    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private static final CryptoSuite INTL = new IntlSuite(new SecureRandom());
    private static final CryptoSuite GM = new GmSuite(new SecureRandom());

    private CryptoSuites() {}

    /** The shared suite for {@code id}, drawing randomness from a default {@link SecureRandom}. */
    public static CryptoSuite of(SuiteId id) {
        return switch (Objects.requireNonNull(id, "id")) {
            case INTL -> INTL;
            case GM -> GM;
        };
    }

    /** A suite for {@code id} that draws all randomness (keys, nonces, SM2 k) from {@code random}. */
    public static CryptoSuite of(SuiteId id, SecureRandom random) {
        Objects.requireNonNull(random, "random");
        return switch (Objects.requireNonNull(id, "id")) {
            case INTL -> new IntlSuite(random);
            case GM -> new GmSuite(random);
        };
    }

    /** The Bouncy Castle provider instance the suites use; not installed in {@link java.security.Security}. */
    public static Provider provider() {
        return BOUNCY_CASTLE;
    }
}
