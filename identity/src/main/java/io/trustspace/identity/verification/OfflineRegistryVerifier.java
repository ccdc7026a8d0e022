package io.trustspace.identity.verification;

import io.trustspace.common.Result;
import io.trustspace.common.json.CanonicalJson;
import io.trustspace.identity.registration.UnifiedSocialCreditCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * An enterprise registry read from a JSON file, for demos and tests where no official registry is reachable. The
 * file is an array of entries:
 *
 * <pre>{@code
 * [{"uscc":"91110105MA01C3D718","name":"北京星河数据科技有限公司","legalRepresentative":"张伟","status":"存续"}, …]
 * }</pre>
 *
 * <p>Every code must pass GB 32100, codes are unique, and no other members are allowed (a misspelt member would
 * otherwise silently make an entry incomplete). An unknown code is {@link VerificationOutcome#NOT_FOUND}; a
 * different name or legal representative, or a status not in good standing, is {@link VerificationOutcome#MISMATCH}
 * (see {@link RegistryEntry#compare}). Verified results carry the level given at construction, {@link
 * AssuranceLevel#LOW} by default, because demo data proves nothing about the real organisation.
 *
 * <p>Applies to organisations and service providers. The entries are read once; immutable and thread-safe.
 */
public final class OfflineRegistryVerifier implements IdentityVerifier {

    /** Largest registry file accepted. */
    public static final int MAX_FILE_BYTES = 8 * 1024 * 1024;

    private static final Set<String> MEMBERS = Set.of("uscc", "name", "legalRepresentative", "status");

    private final Map<String, RegistryEntry> entries;
    private final AssuranceLevel level;
    private final Clock clock;

    public OfflineRegistryVerifier(List<RegistryEntry> entries, AssuranceLevel level, Clock clock) {
        Map<String, RegistryEntry> byCode = new LinkedHashMap<>();
        for (RegistryEntry entry : entries) {
            if (byCode.put(entry.uscc().value(), entry) != null) {
                throw new IllegalArgumentException("the registry lists " + entry.uscc() + " twice");
            }
        }
        if (level == AssuranceLevel.NONE) {
            throw new IllegalArgumentException("a verified result needs a level above NONE");
        }
        this.entries = Collections.unmodifiableMap(byCode);
        this.level = Objects.requireNonNull(level, "level");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reads the registry file at {@code path}.
     *
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if it is not a valid registry file (the reason says where)
     */
    public static OfflineRegistryVerifier fromFile(Path path, AssuranceLevel level, Clock clock) {
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw new IllegalArgumentException(path + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return fromJson(Files.readAllBytes(path), level, clock).fold(verifier -> verifier, failure -> {
                throw new IllegalArgumentException(path + ": " + failure.reason());
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the offline registry " + path, e);
        }
    }

    /** A registry from the UTF-8 JSON text of a registry file, or an INVALID failure saying which entry is wrong. */
    public static Result<OfflineRegistryVerifier> fromJson(byte[] json, AssuranceLevel level, Clock clock) {
        return parseEntries(json).flatMap(entries -> {
            try {
                return Result.ok(new OfflineRegistryVerifier(entries, level, clock));
            } catch (IllegalArgumentException e) {
                return Result.invalid(e.getMessage());
            }
        });
    }

    /** The entries of a registry file, or an INVALID failure naming the first bad entry and why. */
    public static Result<List<RegistryEntry>> parseEntries(byte[] json) {
        if (json.length > MAX_FILE_BYTES) {
            return Result.invalid("registry file of " + json.length + " bytes exceeds " + MAX_FILE_BYTES);
        }
        return CanonicalJson.parse(json).flatMap(root -> {
            if (!root.isArray()) {
                return Result.invalid("a registry file is a JSON array of entries");
            }
            List<RegistryEntry> entries = new ArrayList<>();
            int index = 0;
            for (JsonNode node : root.values()) {
                Result<RegistryEntry> entry = entry(node);
                if (entry instanceof Result.Failure<RegistryEntry> failure) {
                    return Result.invalid("entry " + index + ": " + failure.reason());
                }
                entries.add(entry.orElseThrow());
                index++;
            }
            return Result.ok(List.copyOf(entries));
        });
    }

    private static Result<RegistryEntry> entry(JsonNode node) {
        if (!node.isObject()) {
            return Result.invalid("not an object");
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (!MEMBERS.contains(member.getKey())) {
                return Result.invalid("unknown member '" + member.getKey() + "'");
            }
        }
        for (String member : MEMBERS) {
            JsonNode value = node.get(member);
            if (value == null || !value.isString() || value.stringValue().isBlank()) {
                return Result.invalid("member '" + member + "' is missing, blank or not a string");
            }
        }
        return UnifiedSocialCreditCode.parse(node.get("uscc").stringValue())
                .map(uscc -> new RegistryEntry(
                        uscc,
                        node.get("name").stringValue().trim(),
                        node.get("legalRepresentative").stringValue().trim(),
                        node.get("status").stringValue().trim()));
    }

    @Override
    public VerificationMethod method() {
        return VerificationMethod.OFFLINE_REGISTRY;
    }

    @Override
    public boolean appliesTo(VerificationSubject subject) {
        return subject.uscc().isPresent();
    }

    @Override
    public VerificationResult verify(VerificationSubject subject) {
        Optional<UnifiedSocialCreditCode> uscc = subject.uscc();
        if (uscc.isEmpty()) {
            return VerificationResult.unavailable(
                    method(), "the offline registry holds organisations only", clock.instant());
        }
        RegistryEntry entry = entries.get(uscc.get().value());
        if (entry == null) {
            return VerificationResult.notFound(
                    method(), uscc.get().value() + " is not in the offline registry", clock.instant());
        }
        return entry.compare(subject, method(), level, clock.instant());
    }

    /** The entries, in file order. */
    public List<RegistryEntry> entries() {
        return List.copyOf(entries.values());
    }
}
