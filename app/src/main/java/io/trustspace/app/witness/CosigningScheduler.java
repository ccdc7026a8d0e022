package io.trustspace.app.witness;

import io.trustspace.app.did.JdbcNodeSettings;
import io.trustspace.app.http.OutboundHttpClients;
import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.SuiteId;
import io.trustspace.ledger.log.EvidenceLog;
import io.trustspace.ledger.note.NoteKey;
import io.trustspace.ledger.note.NoteVerifier;
import io.trustspace.ledger.witness.CosigningRound;
import io.trustspace.ledger.witness.WitnessCoordinator;
import io.trustspace.ledger.witness.WitnessEndpoint;
import io.trustspace.ledger.witness.WitnessedLog;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the operator: once a second, if the log has a checkpoint the witnesses have not all cosigned, asks them (rate
 * limit and retry in one place). Each witness's key is pinned on first contact ({@code GET /witness/v1/key}) in the
 * node's settings; a witness that later presents another key is not trusted.
 */
public final class CosigningScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CosigningScheduler.class);
    private static final Duration PERIOD = Duration.ofSeconds(1);

    private final EvidenceLog evidenceLog;
    private final List<String> witnessUrls;
    private final HttpClient http;
    private final JdbcNodeSettings settings;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ledger-cosigning");
        thread.setDaemon(true);
        return thread;
    });
    private WitnessCoordinator coordinator;
    private long cosignedSize = -1;

    public CosigningScheduler(
            EvidenceLog evidenceLog, List<String> witnessUrls, HttpClient http, JdbcNodeSettings settings) {
        this.evidenceLog = evidenceLog;
        this.witnessUrls = List.copyOf(witnessUrls);
        this.http = http;
        this.settings = settings;
    }

    public void start() {
        if (!witnessUrls.isEmpty()) {
            timer.scheduleWithFixedDelay(this::tick, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** One round, if there is something new to cosign; public so that tests and the demo need not wait. */
    public synchronized CosigningRound tick() {
        try {
            long size = evidenceLog.size();
            if (size == 0 || size == cosignedSize) {
                return new CosigningRound(size, List.of(), java.util.Map.of());
            }
            if (coordinator == null) {
                coordinator = coordinator();
                if (coordinator == null) {
                    return new CosigningRound(size, List.of(), java.util.Map.of("witnesses", "keys not known yet"));
                }
            }
            CosigningRound round = coordinator.cosignLatest();
            if (round.refusals().isEmpty()) {
                cosignedSize = round.treeSize();
            } else {
                log.warn("checkpoint {} not cosigned by every witness: {}", round.treeSize(), round.refusals());
            }
            return round;
        } catch (RuntimeException e) {
            log.warn("cosigning round failed: {}", e.getMessage(), e);
            return new CosigningRound(
                    evidenceLog.size(), List.of(), java.util.Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private WitnessCoordinator coordinator() {
        List<WitnessEndpoint> endpoints = new ArrayList<>();
        for (String url : witnessUrls) {
            Result<NoteVerifier> key = witnessKey(url);
            if (key instanceof Result.Failure<NoteVerifier> unknown) {
                log.info("witness {} not ready: {}", url, unknown.reason());
                return null;
            }
            endpoints.add(new WitnessEndpoint(key.orElseThrow(), new HttpWitnessClient(http, url)));
        }
        return new WitnessCoordinator(WitnessedLog.of(evidenceLog), endpoints);
    }

    private Result<NoteVerifier> witnessKey(String url) {
        String setting = "witness-key " + url;
        String text = settings.get(setting).orElse(null);
        if (text == null) {
            Result<String> fetched = OutboundHttpClients.getText(
                    http,
                    url.replaceAll("/+$", "") + "/witness/v1/key",
                    Duration.ofSeconds(5),
                    "witness key of " + url);
            if (fetched instanceof Result.Failure<String> failure) {
                return failure.cast();
            }
            text = settings.putIfAbsent(setting, fetched.orElseThrow().strip());
        }
        // Cosignatures are Ed25519 (cosignature/v1) in every space, so the intl suite verifies them.
        return NoteKey.parse(text).flatMap(key -> key.verifier(CryptoSuites.of(SuiteId.INTL)));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
