package io.trustspace.app.config;

import io.trustspace.crypto.SuiteId;
import java.nio.file.Path;
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
        @DefaultValue HttpClient httpClient) {

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

    public SuiteId suiteId() {
        return SuiteId.parse(suite);
    }
}
