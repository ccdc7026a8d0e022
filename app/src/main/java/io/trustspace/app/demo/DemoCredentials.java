package io.trustspace.app.demo;

import io.trustspace.app.security.ApiKeyFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The demo's API keys and the reviewer's login: random on first start, kept (owner-only) in
 * {@code <data-dir>/demo-credentials.properties} so they survive restarts, and handed to the nodes only as hashes.
 */
public final class DemoCredentials {

    /** Who holds which key, and on which node it is valid. */
    public enum Holder {
        OPERATOR_ADMIN("operator", "operator-admin"),
        REVIEWER("operator", "reviewer"),
        REGULATOR("operator", "regulator"),
        PROVIDER_ADMIN("provider", "participant-admin"),
        CONSUMER_ADMIN("consumer", "participant-admin");

        final String node;
        final String role;

        Holder(String node, String role) {
            this.node = node;
            this.role = role;
        }
    }

    private final Map<Holder, String> keys;
    private final String reviewerPassword;

    private DemoCredentials(Map<Holder, String> keys, String reviewerPassword) {
        this.keys = keys;
        this.reviewerPassword = reviewerPassword;
    }

    static DemoCredentials load(Path dataDir) {
        Path file = dataDir.resolve("demo-credentials.properties");
        Properties stored = new Properties();
        try {
            Files.createDirectories(dataDir);
            if (Files.exists(file)) {
                try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    stored.load(in);
                }
            }
            SecureRandom random = new SecureRandom();
            boolean changed = false;
            for (Holder holder : Holder.values()) {
                if (stored.getProperty(holder.name()) == null) {
                    stored.setProperty(holder.name(), "ts_" + secret(random));
                    changed = true;
                }
            }
            if (stored.getProperty("reviewer.password") == null) {
                stored.setProperty("reviewer.password", secret(random));
                changed = true;
            }
            if (changed) {
                try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    stored.store(out, "TrustSpace demo credentials: API keys (X-Api-Key) and the reviewer's login");
                }
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo credentials in " + file, e);
        }
        Map<Holder, String> keys = new LinkedHashMap<>();
        for (Holder holder : Holder.values()) {
            keys.put(holder, stored.getProperty(holder.name()));
        }
        return new DemoCredentials(keys, stored.getProperty("reviewer.password"));
    }

    private static String secret(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String key(Holder holder) {
        return keys.get(holder);
    }

    public String reviewerPassword() {
        return reviewerPassword;
    }

    /** The settings of {@code node}: its API keys by hash, and on the operator the reviewer's login. */
    Map<String, Object> settingsFor(String node) {
        Map<String, Object> settings = new LinkedHashMap<>();
        int index = 0;
        for (Holder holder : Holder.values()) {
            if (!holder.node.equals(node)) {
                continue;
            }
            String prefix = "trustspace.security.api-keys[" + index++ + "].";
            settings.put(
                    prefix + "name",
                    holder.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            settings.put(prefix + "sha256", HexFormat.of().formatHex(ApiKeyFilter.sha256(keys.get(holder))));
            settings.put(prefix + "roles", holder.role);
        }
        if (node.equals("operator")) {
            settings.put("trustspace.security.users[0].username", "reviewer");
            settings.put(
                    "trustspace.security.users[0].password",
                    "{bcrypt}" + new BCryptPasswordEncoder().encode(reviewerPassword));
            settings.put("trustspace.security.users[0].roles", "reviewer");
        }
        return settings;
    }

    List<Holder> holders() {
        return List.of(Holder.values());
    }
}
