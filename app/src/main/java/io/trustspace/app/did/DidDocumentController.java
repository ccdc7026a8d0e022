package io.trustspace.app.did;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trustspace.app.keys.KeyPurpose;
import io.trustspace.app.keys.NodeKeyring;
import io.trustspace.app.keys.NodeKeys;
import io.trustspace.crypto.keys.Jwks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * This node's did:web document: every signing key, active and retired, as a JsonWebKey verification method, so
 * that signatures made before a rotation stay verifiable.
 */
@RestController
@Tag(name = "did", description = "This node's DID document (did:web)")
public class DidDocumentController {

    private final NodeIdentity identity;
    private final NodeKeyring keyring;

    public DidDocumentController(NodeIdentity identity, NodeKeyring keyring) {
        this.identity = identity;
        this.keyring = keyring;
    }

    @GetMapping(
            path = "/.well-known/did.json",
            produces = {"application/did+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "The DID document of this node")
    public Map<String, Object> document() {
        NodeKeys signing = keyring.keys(KeyPurpose.SIGNING);
        signing.refresh();
        String did = identity.did();
        List<Map<String, Object>> methods = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (NodeKeys.PublicNodeKey key : signing.all()) {
            String id = did + "#" + key.kid();
            Map<String, Object> jwk = new LinkedHashMap<>(Jwks.toJwk(key.publicKey()));
            jwk.put("kid", key.kid());
            jwk.put("alg", key.algorithm().jwsName());
            Map<String, Object> method = new LinkedHashMap<>();
            method.put("id", id);
            method.put("type", "JsonWebKey");
            method.put("controller", did);
            method.put("publicKeyJwk", jwk);
            methods.add(method);
            ids.add(id);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", List.of("https://www.w3.org/ns/did/v1", "https://w3id.org/security/jwk/v1"));
        document.put("id", did);
        document.put("verificationMethod", methods);
        document.put("assertionMethod", ids);
        document.put("authentication", ids);
        return document;
    }
}
