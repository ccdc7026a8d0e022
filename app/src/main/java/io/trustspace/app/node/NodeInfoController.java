package io.trustspace.app.node;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trustspace.app.config.NodeProperties;
import io.trustspace.app.keys.NodeKeys;
import io.trustspace.crypto.keys.Jwks;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who this node is: public facts only (name, role, suite, public keys). */
@RestController
@RequestMapping("/api/v1/node")
@Tag(name = "node", description = "This node's identity and public keys")
public class NodeInfoController {

    private final NodeProperties properties;
    private final NodeKeys keys;

    public NodeInfoController(NodeProperties properties, NodeKeys keys) {
        this.properties = properties;
        this.keys = keys;
    }

    /** A public key as JWK with its lifecycle. */
    public record KeyView(
            String kid,
            String algorithm,
            String status,
            Instant createdAt,
            Instant retiredAt,
            Map<String, Object> jwk) {
        static KeyView of(NodeKeys.PublicNodeKey key) {
            Map<String, Object> jwk = new java.util.LinkedHashMap<>(Jwks.toJwk(key.publicKey()));
            jwk.put("kid", key.kid());
            jwk.put("alg", key.algorithm().jwsName());
            return new KeyView(
                    key.kid(), key.algorithm().name(), key.status().name(), key.createdAt(), key.retiredAt(), jwk);
        }
    }

    public record NodeView(
            String name, String role, String suite, String publicUrl, KeyView signingKey, List<KeyView> keys) {}

    @GetMapping
    @Operation(summary = "This node's name, role, crypto suite and signing keys (active and retired)")
    public NodeView node() {
        keys.refresh();
        return new NodeView(
                properties.node().name(),
                properties.node().role().name().toLowerCase(Locale.ROOT),
                properties.suiteId().label(),
                properties.node().publicUrl(),
                KeyView.of(keys.activeKey()),
                keys.all().stream().map(KeyView::of).toList());
    }
}
