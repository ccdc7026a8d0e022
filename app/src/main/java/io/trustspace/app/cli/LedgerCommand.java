package io.trustspace.app.cli;

import io.trustspace.app.ledger.HttpTileSource;
import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.SuiteId;
import io.trustspace.ledger.evidence.EvidenceRecord;
import io.trustspace.ledger.evidence.Receipt;
import io.trustspace.ledger.evidence.ReceiptJson;
import io.trustspace.ledger.merkle.ConsistencyProof;
import io.trustspace.ledger.merkle.MerkleVerifier;
import io.trustspace.ledger.note.Checkpoint;
import io.trustspace.ledger.note.NoteKey;
import io.trustspace.ledger.note.NoteKeyType;
import io.trustspace.ledger.note.NoteVerifier;
import io.trustspace.ledger.tile.TileAuditor;
import io.trustspace.ledger.tile.TileSource;
import io.trustspace.ledger.witness.CosignaturePolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Offline verification of the evidence ledger, for anyone holding a receipt or a checkpoint: nothing here trusts the
 * operator beyond the log key the user pins. Exit 0 valid, 1 invalid (with the reason), 2 unusable input.
 */
@Command(
        name = "ledger",
        mixinStandardHelpOptions = true,
        description = "Verify ledger receipts, checkpoint consistency, or audit a whole ledger from its tiles.",
        subcommands = {
            LedgerCommand.VerifyReceipt.class,
            LedgerCommand.VerifyConsistency.class,
            LedgerCommand.Audit.class
        })
public final class LedgerCommand {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long MAX_FILE_BYTES = 4L << 20;

    /** The pinned log key (signed-note verifier key text); it also tells the suite: Ed25519 → intl, SM2 → gm. */
    static final class LogKey {
        @Option(
                names = "--log-key",
                required = true,
                description =
                        "The ledger's verifier key, e.g. 127.0.0.1:8080/ledger+1a2b3c4d+AQ… (GET /ledger/v1/log-key)")
        String text;

        NoteKey key() {
            Result<NoteKey> key = NoteKey.parse(text.strip());
            if (key instanceof Result.Failure<NoteKey> bad) {
                throw new CliException("--log-key: " + bad.reason());
            }
            return key.orElseThrow();
        }

        CryptoSuite suite() {
            return CryptoSuites.of(key().type() == NoteKeyType.SM2_SM3 ? SuiteId.GM : SuiteId.INTL);
        }

        @Option(
                names = "--witness-key",
                description = "A witness's verifier key (cosignature/v1); repeat for each witness you trust")
        List<String> witnessKeys = new ArrayList<>();

        @Option(
                names = "--require",
                defaultValue = "0",
                description = "How many of the --witness-key witnesses must have cosigned the checkpoint")
        int required;

        NoteVerifier verifier() {
            Result<NoteVerifier> verifier = key().verifier(suite());
            if (verifier instanceof Result.Failure<NoteVerifier> bad) {
                throw new CliException("--log-key: " + bad.reason());
            }
            return verifier.orElseThrow();
        }

        /** The log's signature, plus {@code --require} witness cosignatures when asked for. */
        Result<Checkpoint> open(String signedCheckpoint) {
            if (required <= 0) {
                return Checkpoint.open(signedCheckpoint, List.of(verifier()), 1);
            }
            if (required > witnessKeys.size()) {
                throw new CliException(
                        "--require " + required + " but only " + witnessKeys.size() + " --witness-key given");
            }
            Result<CosignaturePolicy> policy = CosignaturePolicy.fromVerifierKeys(witnessKeys, required);
            if (policy instanceof Result.Failure<CosignaturePolicy> bad) {
                throw new CliException("--witness-key: " + bad.reason());
            }
            return policy.orElseThrow().check(signedCheckpoint, verifier());
        }
    }

    @Command(
            name = "verify-receipt",
            mixinStandardHelpOptions = true,
            description = {
                "Check that a record is in the ledger: FILE is JSON with \"record\" and \"receipt\"",
                "(as GET /ledger/v1/records/{id} returns it, or as the node's outbox stores it)."
            })
    static final class VerifyReceipt implements Callable<Integer> {
        @Parameters(index = "0", description = "Receipt file")
        Path file;

        @picocli.CommandLine.Mixin
        LogKey logKey;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            JsonNode json = readJson(file);
            EvidenceRecord record = CryptoCommand.orFail(EvidenceRecord.fromJson(json.path("record")), "record");
            Receipt receipt = CryptoCommand.orFail(ReceiptJson.fromJson(json.path("receipt")), "receipt");
            Result<Checkpoint> verified = logKey.open(receipt.signedCheckpoint())
                    .flatMap(cosigned -> receipt.verify(record, logKey.suite(), logKey.verifier()));
            return report(
                    spec,
                    verified.map(checkpoint -> "record " + record.id() + " is entry " + receipt.leafIndex() + " of "
                            + checkpoint.origin() + ", proven against signed tree size " + checkpoint.size()));
        }
    }

    @Command(
            name = "verify-consistency",
            mixinStandardHelpOptions = true,
            description = {
                "Check that checkpoint NEW extends checkpoint OLD (the log was only appended to): both signed by the log key,",
                "with the consistency proof from --proof FILE or fetched from --ledger URL."
            })
    static final class VerifyConsistency implements Callable<Integer> {
        @Parameters(index = "0", description = "Older signed checkpoint")
        Path older;

        @Parameters(index = "1", description = "Newer signed checkpoint")
        Path newer;

        @picocli.CommandLine.Mixin
        LogKey logKey;

        @Option(names = "--proof", description = "Consistency proof JSON (GET /ledger/v1/consistency)")
        Path proofFile;

        @Option(names = "--ledger", description = "Ledger base URL to fetch the proof from")
        String ledger;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            NoteVerifier verifier = logKey.verifier();
            Result<Checkpoint> old = Checkpoint.open(readText(older), List.of(verifier), 1);
            Result<Checkpoint> current = logKey.open(readText(newer));
            if (old instanceof Result.Failure<Checkpoint> bad) {
                return report(spec, Result.invalid("OLD: " + bad.reason()));
            }
            if (current instanceof Result.Failure<Checkpoint> bad) {
                return report(spec, Result.invalid("NEW: " + bad.reason()));
            }
            Checkpoint a = old.orElseThrow();
            Checkpoint b = current.orElseThrow();
            if (!a.origin().equals(b.origin())) {
                return report(spec, Result.invalid("the checkpoints are of different logs"));
            }
            JsonNode proof = proofFile != null ? readJson(proofFile) : fetchProof(a.size(), b.size());
            List<byte[]> hashes = new ArrayList<>();
            for (JsonNode hash : proof.path("proof")) {
                try {
                    hashes.add(Base64.getDecoder().decode(hash.asString()));
                } catch (IllegalArgumentException e) {
                    throw new CliException("the proof holds a value that is not base64");
                }
            }
            Result<?> verified = new MerkleVerifier(logKey.suite())
                    .verifyConsistency(new ConsistencyProof(a.size(), b.size(), hashes), a.rootHash(), b.rootHash());
            return report(
                    spec,
                    verified.map(
                            ok -> "tree size " + b.size() + " extends tree size " + a.size() + " of " + a.origin()));
        }

        private JsonNode fetchProof(long from, long to) {
            if (ledger == null) {
                throw new CliException("give the consistency proof with --proof FILE or --ledger URL");
            }
            String url = ledger.replaceAll("/+$", "") + "/ledger/v1/consistency?from=" + from + "&to=" + to;
            try {
                HttpResponse<String> response = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(url))
                                        .timeout(Duration.ofSeconds(30))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new CliException(url + " answered HTTP " + response.statusCode());
                }
                return JSON.readTree(response.body());
            } catch (IOException | JacksonException e) {
                throw new CliException("cannot fetch the proof from " + url + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException("interrupted");
            }
        }
    }

    @Command(
            name = "audit",
            mixinStandardHelpOptions = true,
            description = {
                "Fetch the ledger's checkpoint and every tile and entry bundle with plain HTTP GETs, recompute the whole",
                "tree and check it against the checkpoint signed by the log key."
            })
    static final class Audit implements Callable<Integer> {
        @Parameters(index = "0", description = "Ledger base URL, e.g. http://127.0.0.1:8080")
        String url;

        @picocli.CommandLine.Mixin
        LogKey logKey;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            long started = System.nanoTime();
            Result<TileAuditor.AuditReport> audit;
            try {
                TileSource tiles = new HttpTileSource(HttpClient.newHttpClient(), url);
                String note = tiles.fetch("checkpoint")
                        .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                        .orElseThrow(() -> new CliException(url + " serves no checkpoint"));
                audit = logKey.open(note)
                        .flatMap(checkpoint -> new TileAuditor(logKey.suite(), tiles).audit(checkpoint));
            } catch (java.io.UncheckedIOException e) {
                throw new CliException(
                        "cannot read the ledger at " + url + ": " + e.getCause().getMessage());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return report(
                    spec,
                    audit.map(
                            r -> "%d entries, %d tiles, %d entry bundles recomputed in %.2f s; root matches %s size %d"
                                    .formatted(
                                            r.entries(),
                                            r.tiles(),
                                            r.bundles(),
                                            seconds,
                                            r.checkpoint().origin(),
                                            r.checkpoint().size())));
        }
    }

    static int report(CommandSpec spec, Result<String> result) {
        PrintWriter out = spec.commandLine().getOut();
        if (result instanceof Result.Ok<String> ok) {
            out.println("valid: " + ok.value());
            out.flush();
            return 0;
        }
        out.println("invalid: " + ((Result.Failure<String>) result).reason());
        out.flush();
        return 1;
    }

    static String readText(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new CliException(file + " is larger than 4 MiB");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    static JsonNode readJson(Path file) throws IOException {
        try {
            return JSON.readTree(readText(file));
        } catch (JacksonException e) {
            throw new CliException(file + " is not valid JSON");
        }
    }
}
