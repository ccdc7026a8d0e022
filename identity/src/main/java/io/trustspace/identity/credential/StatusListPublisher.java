package io.trustspace.identity.credential;

import io.trustspace.common.Result;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operator's side of Bitstring Status Lists: hands out status entries for new credentials, revokes, suspends and
 * reinstates, and produces the signed {@code BitstringStatusListCredential} the operator publishes for each list and
 * purpose at {@code <baseUrl>/<listId>/<purpose>}, e.g. {@code https://operator.example/status/1/revocation}.
 *
 * <p>Revocation is final (Bitstring Status List v1.0 §2.1): there is no method to clear it, and a revoked credential
 * cannot be reinstated. Suspension is reversible. A change is visible in the next {@link #credential} call; verifiers
 * see it once their cached copy expires (at most the list's {@code validUntil}, and by default 5 minutes).
 *
 * <p>Each published credential is valid for {@code validity} from the moment it is produced, so that a stale copy
 * served by someone else stops being accepted; publish a fresh one well before that (serve it with a {@code
 * Cache-Control: max-age} no longer than the verifiers' cache). Thread-safe if the store is.
 */
public final class StatusListPublisher {

    private final Supplier<DidSigningKey> operator;
    private final StatusListStore store;
    private final String baseUrl;
    private final Clock clock;
    private final Duration validity;

    /**
     * @param baseUrl absolute http(s) URL without query, fragment or trailing slash, under which lists are served
     * @param validity how long each produced list credential is valid; 1 minute to 1 day
     */
    public StatusListPublisher(
            DidSigningKey operator, StatusListStore store, String baseUrl, Clock clock, Duration validity) {
        this(() -> operator, store, baseUrl, clock, validity);
    }

    /** As above, with the operator's key read at every signature, so that a rotated key is used at once. */
    public StatusListPublisher(
            Supplier<DidSigningKey> operator, StatusListStore store, String baseUrl, Clock clock, Duration validity) {
        this.operator = Objects.requireNonNull(operator, "operator");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!isBaseUrl(baseUrl)) {
            throw new IllegalArgumentException("status list base URL " + DidUrl.quote(baseUrl)
                    + " must be an absolute http(s) URL without query, fragment or trailing slash");
        }
        this.baseUrl = baseUrl;
        if (validity.compareTo(Duration.ofMinutes(1)) < 0 || validity.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("status list validity must be between 1 minute and 1 day");
        }
        this.validity = validity;
    }

    /** The operator whose lists these are. */
    public String issuer() {
        return operator.get().did();
    }

    /** Allocates a position and returns the two entries for a new credential: revocation and suspension. */
    public List<StatusEntry> allocate() {
        StatusListPosition position = store.allocate();
        return List.of(
                new StatusEntry(
                        StatusPurpose.REVOCATION, position.index(), url(position.listId(), StatusPurpose.REVOCATION)),
                new StatusEntry(
                        StatusPurpose.SUSPENSION, position.index(), url(position.listId(), StatusPurpose.SUSPENSION)));
    }

    /** Where list {@code listId}'s {@code purpose} credential is published; also its {@code id}. */
    public String url(String listId, StatusPurpose purpose) {
        if (!StatusListPosition.isListId(listId)) {
            throw new IllegalArgumentException("not a list id: " + DidUrl.quote(listId));
        }
        return baseUrl + "/" + listId + "/" + purpose.jsonName();
    }

    /**
     * Where {@code credential}'s status lives in this operator's store. INVALID if another issuer signed it or its
     * status entries do not point into this operator's lists at one index.
     */
    public Result<StatusListPosition> positionOf(MembershipCredential credential) {
        if (!credential.issuer().equals(operator.get().did())) {
            return Result.invalid("credential " + credential.id() + " is issued by " + credential.issuer()
                    + ", not by this operator " + operator.get().did());
        }
        StatusListPosition position = null;
        for (StatusEntry entry : credential.status()) {
            Optional<String> listId = listIdOf(entry);
            if (listId.isEmpty()) {
                return Result.invalid("status entry " + entry.id() + " does not point into this operator's lists");
            }
            StatusListPosition here = new StatusListPosition(listId.get(), entry.index());
            if (position != null && !position.equals(here)) {
                return Result.invalid("credential " + credential.id() + " has status entries at different positions");
            }
            position = here;
        }
        return Result.ok(position);
    }

    /** Revokes for good. Idempotent. */
    public void revoke(StatusListPosition position) {
        store.set(position, StatusPurpose.REVOCATION, true);
    }

    /** Suspends until {@link #reinstate}. Idempotent. */
    public void suspend(StatusListPosition position) {
        store.set(position, StatusPurpose.SUSPENSION, true);
    }

    /** Lifts a suspension. CONFLICT if the position is revoked, since revocation is final. Idempotent otherwise. */
    public Result<StatusListPosition> reinstate(StatusListPosition position) {
        if (store.isSet(position, StatusPurpose.REVOCATION)) {
            return Result.conflict("status list position " + position + " is revoked; revocation is final");
        }
        store.set(position, StatusPurpose.SUSPENSION, false);
        return Result.ok(position);
    }

    /** Whether the {@code purpose} bit of {@code position} is set. */
    public boolean isSet(StatusListPosition position, StatusPurpose purpose) {
        return store.isSet(position, purpose);
    }

    /**
     * The {@code BitstringStatusListCredential} for list {@code listId} and {@code purpose}, signed by the operator as
     * a {@code vc+jwt}, valid from now for the configured validity. NOT_FOUND if there is no such list.
     */
    public Result<String> credential(String listId, StatusPurpose purpose) {
        if (!StatusListPosition.isListId(listId)) {
            return Result.notFound("no status list " + DidUrl.quote(listId));
        }
        Optional<BitstringStatusList> list = store.list(listId, purpose);
        if (list.isEmpty()) {
            return Result.notFound("no status list " + listId);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String url = url(listId, purpose);
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.putArray("@context").add(VcJson.CREDENTIALS_V2);
        json.put("id", url);
        json.putArray("type").add("VerifiableCredential").add(StatusListChecker.CREDENTIAL_TYPE);
        json.put("issuer", operator.get().did());
        json.put("validFrom", VcJson.dateTime(now));
        json.put("validUntil", VcJson.dateTime(now.plus(validity)));
        ObjectNode subject = json.putObject("credentialSubject");
        subject.put("id", url + "#list");
        subject.put("type", StatusListChecker.SUBJECT_TYPE);
        subject.put("statusPurpose", purpose.jsonName());
        subject.put("encodedList", list.get().encode());
        return Result.ok(operator.get().sign(VcJson.VC_JWT_TYPE, "vc", VcJson.write(json)));
    }

    private Optional<String> listIdOf(StatusEntry entry) {
        String prefix = baseUrl + "/";
        String suffix = "/" + entry.purpose().jsonName();
        String url = entry.statusListCredential();
        if (!url.startsWith(prefix) || !url.endsWith(suffix) || url.length() <= prefix.length() + suffix.length()) {
            return Optional.empty();
        }
        String listId = url.substring(prefix.length(), url.length() - suffix.length());
        return StatusListPosition.isListId(listId) ? Optional.of(listId) : Optional.empty();
    }

    private static boolean isBaseUrl(String url) {
        if (url == null || url.endsWith("/") || url.length() > StatusEntry.MAX_URL_LENGTH - 80) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.isAbsolute()
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
