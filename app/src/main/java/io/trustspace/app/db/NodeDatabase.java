package io.trustspace.app.db;

import java.util.Locale;

/**
 * Where a node's database is: an external server by URL, or a database on the embedded server that this node
 * started itself (and therefore stops on {@link #close()}).
 */
public final class NodeDatabase implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final EmbeddedPostgresServer ownedServer;

    private NodeDatabase(String url, String user, String password, EmbeddedPostgresServer ownedServer) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.ownedServer = ownedServer;
    }

    public static NodeDatabase external(String url, String user, String password) {
        return new NodeDatabase(url, user, password, null);
    }

    /** A database named after the node on an embedded server this node owns. */
    public static NodeDatabase embedded(EmbeddedPostgresServer server, String nodeName) {
        return new NodeDatabase(server.ensureDatabase(databaseName(nodeName)), server.user(), null, server);
    }

    /** The database a node named {@code nodeName} uses on an embedded server: one per node. */
    public static String databaseName(String nodeName) {
        return "trustspace_" + nodeName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() {
        if (ownedServer != null) {
            ownedServer.close();
        }
    }

    @Override
    public String toString() {
        return "NodeDatabase[" + url + (ownedServer != null ? ", embedded" : "") + "]";
    }
}
