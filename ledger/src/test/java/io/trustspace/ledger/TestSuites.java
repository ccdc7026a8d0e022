package io.trustspace.ledger;

import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.SuiteId;
import java.security.Provider;

/**
 * The crypto suites the ledger's tests run against: the crypto module's real intl and gm suites, so the ledger is
 * tested with exactly the hashing and signatures it runs with.
 */
public final class TestSuites {

    private TestSuites() {}

    /** The intl suite: SHA-256 and Ed25519 (named after the JDK stand-in it replaced, to keep the tests' names). */
    public static CryptoSuite jdk() {
        return CryptoSuites.of(SuiteId.INTL);
    }

    /** The gm suite: SM3 and SM2 (SM3withSM2, default user id). */
    public static CryptoSuite gm() {
        return CryptoSuites.of(SuiteId.GM);
    }

    /** The Bouncy Castle provider instance the suites use (not installed globally), for tests that decode SM2 keys. */
    public static Provider bouncyCastle() {
        return CryptoSuites.provider();
    }
}
