package io.trustspace.app.keys;

/** The node's key store cannot be used: unreachable, or opened with the wrong passphrase or suite. */
public final class KeyStoreException extends RuntimeException {

    public KeyStoreException(String message) {
        super(message);
    }

    public KeyStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
