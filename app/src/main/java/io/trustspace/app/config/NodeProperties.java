package io.trustspace.app.config;

import io.trustspace.crypto.SuiteId;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything a node is configured with, under the prefix {@code trustspace}. Each property can also be given as an
 * environment variable ({@code trustspace.db.url} as {@code TRUSTSPACE_DB_URL}); docs/configuration.md lists them.
 */
@ConfigurationProperties("trustspace")
public record NodeProperties(
        @DefaultValue Node node,
        @DefaultValue("intl") String suite,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Db db,
        @DefaultValue Key key,
        @DefaultValue Tls tls,
        @DefaultValue HttpClient httpClient,
        @DefaultValue Ledger ledger,
        @DefaultValue Did did,
        @DefaultValue Security security,
        @DefaultValue Identity identity,
        @DefaultValue Catalog catalog,
        @DefaultValue Dsp dsp,
        @DefaultValue DataPlanePort dataPlane) {

    /**
     * The data plane's own port (ADR 0010). With {@code port} set, pull endpoints are served there by a connector made
     * for bulk transfers, and addressed as {@code publicUrl} (default: the node's public URL with that port); it
     * takes at most {@code maxConnections} at once, each holding a {@value #BULK_WRITE_BUFFER}-byte write buffer.
     * Unset, pulls share the node's port. {@code rememberDigests}: a file range's digest is computed once per
     * version of the file and reused while it is unchanged; switch it off where files are written in place through
     * shared memory maps or on storage whose timestamps cannot be trusted, so that every pull hashes what it sends.
     */
    public record DataPlanePort(
            Integer port,
            String publicUrl,
            @DefaultValue("256") int maxConnections,
            @DefaultValue("true") boolean rememberDigests) {
        public static final int BULK_WRITE_BUFFER = 512 * 1024;

        public DataPlanePort {
            if (port != null && (port < 1 || port > 65535)) {
                throw new IllegalArgumentException("trustspace.data-plane.port must be 1-65535, not " + port);
            }
            if (maxConnections < 1) {
                throw new IllegalArgumentException("trustspace.data-plane.max-connections must be positive");
            }
        }

        public boolean separate() {
            return port != null;
        }

        /** Where consumers reach the data plane, given where they reach the node. */
        public String publicUrl(String nodeUrl) {
            if (publicUrl != null && !publicUrl.isBlank()) {
                return publicUrl.replaceAll("/+$", "");
            }
            if (!separate()) {
                return nodeUrl;
            }
            java.net.URI node = java.net.URI.create(nodeUrl);
            return node.getScheme() + "://" + node.getHost() + ":" + port;
        }
    }

    /**
     * Publication and discovery. On the operator: {@code spacePrefix} starts every data identifier it mints, and
     * {@code peers} are other spaces' operators whose catalogs it harvests every {@code harvestInterval} (with its
     * connectors'). On a connector: {@code operatorUrl} is where its resources are published (default: the ledger
     * URL), and review decisions are mirrored every {@code syncInterval}.
     */
    public record Catalog(
            @DefaultValue("ts.local") String spacePrefix,
            String operatorUrl,
            @DefaultValue("5s") java.time.Duration syncInterval,
            @DefaultValue("10s") java.time.Duration harvestInterval,
            List<String> peers) {
        public Catalog {
            peers = peers == null ? List.of() : List.copyOf(peers);
        }
    }

    /**
     * The Dataspace Protocol edge. {@code participantId} is what this connector calls itself in DSP messages
     * (default: its DID). {@code interopParticipant}, when set, switches on an explicit interoperability profile
     * for conformance runs (the DSP TCK, EDC's iam-mock): any Authorization value is accepted as that participant
     * instead of a verified access token; the value {@value #INTEROP_FROM_TOKEN} takes the participant from the
     * {@code clientId} of an iam-mock JSON token instead (EDC peers). Never set it in a real space. {@code
     * interopSeedFile} (interop profile only) lists assets to serve without an operator, see {@code InteropSeed}.
     * {@code tckSeed} loads the TCK's seed data
     * and its scripted behaviour. {@code stepDelay} spaces this connector's automatic steps and {@code messageGap}
     * its consecutive messages of one process (peers such as the TCK need time to register their next handler; 0
     * between TrustSpace connectors). {@code allowPrivateSinks} lets push transfers go to private addresses
     * (closed networks only); {@code allowedSinks} lets them go to the listed origins only, private or not. Pull
     * tokens live {@code pullTokenTtl}.
     */
    public record Dsp(
            String participantId,
            String interopParticipant,
            Path interopSeedFile,
            @DefaultValue("false") boolean tckSeed,
            @DefaultValue("0ms") java.time.Duration stepDelay,
            @DefaultValue("0ms") java.time.Duration messageGap,
            @DefaultValue("false") boolean allowPrivateSinks,
            @DefaultValue List<String> allowedSinks,
            @DefaultValue("10m") java.time.Duration pullTokenTtl) {
        /** The {@code interopParticipant} value that names each caller by its iam-mock token's {@code clientId}. */
        public static final String INTEROP_FROM_TOKEN = "*";

        public boolean interop() {
            return interopParticipant != null && !interopParticipant.isBlank();
        }
    }

    /** Which node this is. */
    public record Node(
            @DefaultValue("node") String name,
            @DefaultValue("connector") NodeRole role,
            String publicUrl) {}

    /** An external PostgreSQL; with no {@code url} the node starts the embedded server under {@code dataDir}. */
    public record Db(
            String url,
            String user,
            String password,
            @DefaultValue("16") int poolSize) {
        public boolean external() {
            return url != null && !url.isBlank();
        }

        @Override
        public String toString() {
            return "Db[url=" + url + ", user=" + user + ", password=" + (password == null ? "<none>" : "<hidden>")
                    + ", poolSize=" + poolSize + "]";
        }
    }

    /** The passphrase that seals this node's private keys at rest, given directly or as a file. */
    public record Key(String passphrase, Path passphraseFile) {
        @Override
        public String toString() {
            return "Key[passphrase=<hidden>, passphraseFile=" + passphraseFile + "]";
        }
    }

    /** The server certificate: PEM pair ({@code certificate}, {@code privateKey}) or a PKCS#12 {@code keystore}. */
    public record Tls(
            String certificate,
            String privateKey,
            String privateKeyPassword,
            String keystore,
            String keystorePassword) {
        public boolean configured() {
            return present(certificate) || present(keystore);
        }

        private static boolean present(String value) {
            return value != null && !value.isBlank();
        }

        @Override
        public String toString() {
            return "Tls[certificate=" + certificate + ", keystore=" + keystore + ", secrets=<hidden>]";
        }
    }

    /** Which peers our outbound HTTP clients trust: a PEM bundle or PKCS#12 file; the JDK's roots when unset. */
    public record HttpClient(String trustStore, String trustStorePassword) {
        @Override
        public String toString() {
            return "HttpClient[trustStore=" + trustStore + "]";
        }
    }

    /**
     * The evidence ledger. On the operator: {@code origin} names its log (default: the public URL's host and port
     * followed by {@code /ledger}). Elsewhere: {@code url} is the operator's base URL that the evidence outbox
     * delivers to, and {@code witness} turns on this node's witness endpoint. {@code openToAnyActor} lets the
     * operator's log take records from any actor whose did:web document verifies them (a public transparency log);
     * by default only this node and participants the space credentialed may append, and no one else's DID is
     * fetched.
     */
    public record Ledger(
            String url,
            String origin,
            String logKey,
            @DefaultValue("true") boolean witness,
            List<String> witnesses,
            @DefaultValue("false") boolean openToAnyActor) {
        public Ledger {
            witnesses = witnesses == null ? List.of() : List.copyOf(witnesses);
        }
    }

    /**
     * Access to our own APIs: API keys for machines (configured by the SHA-256 of the key, in hex) and users for
     * people (password encoded, e.g. {bcrypt}…), each with roles operator-admin, reviewer, regulator,
     * participant-admin.
     */
    public record Security(List<ApiKeySetting> apiKeys, List<UserSetting> users) {
        public Security {
            apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
            users = users == null ? List.of() : List.copyOf(users);
        }
    }

    public record ApiKeySetting(String name, String sha256, List<String> roles) {}

    public record UserSetting(String username, String password, List<String> roles) {
        @Override
        public String toString() {
            return "UserSetting[" + username + ", " + roles + "]";
        }
    }

    /**
     * The operator's admission settings: the space id written into membership credentials, an offline registry
     * (a JSON file or {@code classpath:} resource of {uscc, name, legalRepresentative, status}) and official
     * registries reached over HTTP (method MARKET_REGULATION, TAX or PUBLIC_SECURITY, url, bearer token).
     */
    public record Identity(
            @DefaultValue("urn:trustspace:space:default") String space,
            String offlineRegistry,
            List<Registry> registries,
            List<TrustedIssuerSetting> trustedIssuers) {
        public Identity {
            registries = registries == null ? List.of() : List.copyOf(registries);
            trustedIssuers = trustedIssuers == null ? List.of() : List.copyOf(trustedIssuers);
        }
    }

    /**
     * An operator whose membership credentials this connector accepts: its own space's ({@code home}: every role
     * and claim) or another space's, recognised for the listed roles and claims only (跨空间身份互认).
     */
    public record TrustedIssuerSetting(
            String did, String space, @DefaultValue("false") boolean home, List<String> roles, List<String> claims) {
        public TrustedIssuerSetting {
            roles = roles == null ? List.of() : List.copyOf(roles);
            claims = claims == null ? List.of() : List.copyOf(claims);
        }
    }

    public record Registry(String method, String url, String token) {
        @Override
        public String toString() {
            return "Registry[" + method + ", " + url + "]";
        }
    }

    /** DID resolution: did:web over plain HTTP is allowed only for loopback hosts, and only when switched on. */
    public record Did(@DefaultValue("false") boolean httpOnLoopback) {}

    /** Where peers reach this node: the configured public URL, else http://address:port (loopback only). */
    public String publicUrl(String address, int port) {
        return node.publicUrl() != null && !node.publicUrl().isBlank()
                ? node.publicUrl().replaceAll("/+$", "")
                : "http://" + address + ":" + port;
    }

    public SuiteId suiteId() {
        return SuiteId.parse(suite);
    }
}
