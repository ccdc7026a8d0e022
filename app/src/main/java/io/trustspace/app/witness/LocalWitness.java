package io.trustspace.app.witness;

import io.trustspace.app.did.JdbcNodeSettings;
import io.trustspace.app.http.OutboundHttpClients;
import io.trustspace.common.Result;
import io.trustspace.ledger.note.CosignatureSigner;
import io.trustspace.ledger.witness.AddCheckpointOutcome;
import io.trustspace.ledger.witness.KnownLog;
import io.trustspace.ledger.witness.Witness;
import io.trustspace.ledger.witness.WitnessAlerts;
import io.trustspace.ledger.witness.WitnessStore;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * This node's witness of the operator's ledger. The log key it checks checkpoints against is pinned: configured
 * ({@code trustspace.ledger.log-key}), or learned once from the operator ({@code GET /ledger/v1/log-key}, trust on
 * first use) and kept in the node's settings, so a later change of key is refused, not followed.
 *
 * <p>Thread-safe.
 */
public final class LocalWitness {

    static final String PINNED_LOG_KEY = "ledger.log-key";

    private final CosignatureSigner signer;
    private final WitnessStore store;
    private final WitnessAlerts alerts;
    private final JdbcNodeSettings settings;
    private final HttpClient http;
    private final String ledgerUrl;
    private final String configuredLogKey;
    private final Clock clock;
    private volatile Witness witness;

    public LocalWitness(
            CosignatureSigner signer,
            WitnessStore store,
            WitnessAlerts alerts,
            JdbcNodeSettings settings,
            HttpClient http,
            String ledgerUrl,
            String configuredLogKey,
            Clock clock) {
        this.signer = signer;
        this.store = store;
        this.alerts = alerts;
        this.settings = settings;
        this.http = http;
        this.ledgerUrl = ledgerUrl;
        this.configuredLogKey = configuredLogKey;
        this.clock = clock;
    }

    /** The witness's verifier key, which a log or client pins to check its cosignatures. */
    public String verifierKey() {
        return signer.key().toVerifierKey();
    }

    public Result<AddCheckpointOutcome> addCheckpoint(byte[] body) {
        return witness().map(w -> w.addCheckpoint(body));
    }

    private Result<Witness> witness() {
        Witness current = witness;
        if (current != null) {
            return Result.ok(current);
        }
        synchronized (this) {
            if (witness != null) {
                return Result.ok(witness);
            }
            return logKey().flatMap(KnownLog::fromVerifierKey).map(log -> {
                witness = new Witness(signer, List.of(log), store, alerts, clock);
                return witness;
            });
        }
    }

    private Result<String> logKey() {
        if (configuredLogKey != null && !configuredLogKey.isBlank()) {
            return Result.ok(configuredLogKey.strip());
        }
        var pinned = settings.get(PINNED_LOG_KEY);
        if (pinned.isPresent()) {
            return Result.ok(pinned.get());
        }
        if (ledgerUrl == null || ledgerUrl.isBlank()) {
            return Result.unavailable(
                    "this witness knows no ledger (TRUSTSPACE_LEDGER_URL or TRUSTSPACE_LEDGER_LOG_KEY)");
        }
        return OutboundHttpClients.getText(
                        http,
                        ledgerUrl.replaceAll("/+$", "") + "/ledger/v1/log-key",
                        Duration.ofSeconds(10),
                        "the ledger's log key")
                .map(body -> settings.putIfAbsent(PINNED_LOG_KEY, body.strip()));
    }
}
