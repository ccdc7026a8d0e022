package io.trustspace.ledger.tile;

import java.util.Optional;

/**
 * Port to a tiled log's static resources, by path relative to the log's prefix: {@code checkpoint},
 * {@code tile/<L>/<N>[.p/<W>]} and {@code tile/entries/<N>[.p/<W>]}. The CLI implements it over HTTP, tests over a
 * map; either way the auditor never sees the transport.
 *
 * <p>Implementations must be safe to call from the thread running the audit. A resource the log does not serve is an
 * empty result; a transport failure may be thrown as an unchecked exception and becomes an UNAVAILABLE failure.
 */
@FunctionalInterface
public interface TileSource {

    /** The bytes at {@code path}, or empty if the log does not serve it. */
    Optional<byte[]> fetch(String path);
}
