package io.trustspace.catalog.resource;

import io.trustspace.common.json.CanonicalJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A resource after a use case, with what happened to it: the next state to save and the evidence to record in the
 * same transaction. {@code from} is the state before (null for a new draft). Immutable.
 */
public record ResourceChange(
        Resource resource, ResourceEvent event, ResourceState from, String actor, String reason, Instant at) {

    public ResourceChange {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }

    /** The evidence subjects: the resource id, then its data identifier once minted. */
    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        subjects.add(resource.id().value());
        if (resource.identifier() != null) {
            subjects.add(resource.identifier().format());
        }
        return subjects;
    }

    /**
     * The RFC 8785 canonical JSON committed to by the evidence record, rebuilt from stored values only. It never holds
     * the data address. For example:
     *
     * <pre>{@code
     * {"actor":"reviewer:alice","at":"2026-03-01T08:00:00Z","event":"listed","from":"SUBMITTED",
     *  "identifier":"ts.example/urn:…/traffic@1","kind":"DATASET","provider":"urn:…","reason":"ok",
     *  "resource":"urn:trustspace:resource:…","revision":1,"state":"LISTED"}
     * }</pre>
     *
     * A {@code checks-failed} payload adds {@code findings}: {@code ["title.en [required]", …]}.
     */
    public byte[] evidencePayload() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("resource", resource.id().value());
        json.put("event", event.evidenceType().substring("resource.".length()));
        json.put("kind", resource.kind().name());
        json.put("provider", resource.provider());
        json.put("revision", resource.revision());
        if (from != null) {
            json.put("from", from.name());
        }
        json.put("state", resource.state().name());
        if (resource.identifier() != null) {
            json.put("identifier", resource.identifier().format());
        }
        json.put("actor", actor);
        json.put("reason", reason);
        json.put("at", at.toString());
        if (event == ResourceEvent.CHECKS_FAILED) {
            ArrayNode findings = json.putArray("findings");
            resource.findings().forEach(finding -> findings.add(finding.field() + " [" + finding.rule() + "]"));
        }
        return CanonicalJson.canonicalize(json).orElseThrow();
    }
}
