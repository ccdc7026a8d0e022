package io.trustspace.systemtests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Finds runs of free loopback ports for the demo's port-base layout. */
final class FreePorts {

    private FreePorts() {}

    static int base(int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            // Below Linux's ephemeral range (32768 and up): a port that is free now can otherwise be taken a moment
            // later as the local end of an outgoing connection, or by the embedded PostgreSQL (it binds port 0).
            int base = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            if (allFree(base, count)) {
                return base;
            }
        }
        throw new IllegalStateException("no run of " + count + " free loopback ports found");
    }

    private static boolean allFree(int base, int count) {
        for (int port = base; port < base + count; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
