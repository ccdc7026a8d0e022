package io.trustspace.app.witness;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.app.testing.TestNode;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.SuiteId;
import io.trustspace.ledger.merkle.InMemoryTreeHashes;
import io.trustspace.ledger.merkle.MerkleLog;
import io.trustspace.ledger.note.Checkpoint;
import io.trustspace.ledger.note.NoteKey;
import io.trustspace.ledger.note.NoteKeyType;
import io.trustspace.ledger.note.SignedNote;
import io.trustspace.ledger.note.SuiteNoteSigner;
import io.trustspace.ledger.witness.AddCheckpointRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A node's witness endpoint over HTTP against a log it has pinned: it cosigns honest growth, and refuses a split
 * view (a second tree under the same key) with 409 and a stored alert.
 */
class WitnessIT {

    private static final CryptoSuite SUITE = CryptoSuites.of(SuiteId.INTL);
    private static final String ORIGIN = "witness.test/ledger";

    private record Log(InMemoryTreeHashes tree, SuiteNoteSigner signer) {
        SignedNote checkpoint() {
            return new Checkpoint(ORIGIN, tree.size(), tree.rootHash()).sign(List.of(signer));
        }

        AddCheckpointRequest request(long oldSize) {
            SignedNote note = checkpoint();
            return oldSize == 0
                    ? new AddCheckpointRequest(0, List.of(), note)
                    : AddCheckpointRequest.of(
                            new MerkleLog(tree, SUITE)
                                    .consistencyProof(oldSize, tree.size())
                                    .orElseThrow(),
                            note);
        }
    }

    private static HttpResponse<String> add(TestNode node, AddCheckpointRequest request) {
        return node.send(HttpRequest.newBuilder(URI.create(node.url("/witness/v1/add-checkpoint")))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(request.format(), StandardCharsets.UTF_8)));
    }

    @Test
    void witness_cosignsGrowth_andRefusesASplitView() throws Exception {
        KeyPair logKey = SUITE.generateSigningKeyPair();
        SuiteNoteSigner signer = SuiteNoteSigner.create(ORIGIN, logKey, SUITE);
        String vkey =
                NoteKey.of(ORIGIN, NoteKeyType.ED25519, logKey.getPublic()).toVerifierKey();
        Log honest = new Log(new InMemoryTreeHashes(SUITE), signer);
        Log fork = new Log(new InMemoryTreeHashes(SUITE), signer);
        for (int i = 0; i < 5; i++) {
            honest.tree().append(("entry " + i).getBytes(StandardCharsets.UTF_8));
            fork.tree().append(("entry " + i).getBytes(StandardCharsets.UTF_8));
        }
        try (TestNode witness = TestNode.start("witness", "intl", Map.of("trustspace.ledger.log-key", vkey))) {
            HttpResponse<String> first = add(witness, honest.request(0));
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            assertThat(first.body()).startsWith("— ");

            honest.tree().append("honest 5".getBytes(StandardCharsets.UTF_8));
            assertThat(add(witness, honest.request(5)).statusCode()).isEqualTo(200);

            fork.tree().append("forked 5".getBytes(StandardCharsets.UTF_8));
            // Same size as the cosigned checkpoint, another root: a split view.
            HttpResponse<String> split = add(witness, new AddCheckpointRequest(6, List.of(), fork.checkpoint()));
            assertThat(split.statusCode()).isEqualTo(409);

            HttpResponse<String> stale = add(witness, honest.request(5));
            assertThat(stale.statusCode()).isEqualTo(409);
            assertThat(stale.headers().firstValue("Content-Type").orElse("")).startsWith("text/x.tlog.size");
            assertThat(stale.body().strip()).isEqualTo("6");

            try (Connection connection = witness.bean(DataSource.class).getConnection();
                    Statement query = connection.createStatement();
                    ResultSet alerts = query.executeQuery("SELECT count(*) FROM witness_alert")) {
                alerts.next();
                assertThat(alerts.getInt(1)).isEqualTo(1);
            }
        }
    }
}
