package io.trustspace.ledger.provenance;

import io.trustspace.common.Result;
import io.trustspace.ledger.evidence.EvidenceRecord;
import io.trustspace.ledger.evidence.Receipt;
import io.trustspace.ledger.log.EvidenceLog;
import io.trustspace.ledger.log.LedgerStore;
import io.trustspace.ledger.log.LogEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * 溯源: what the ledger knows about a subject. {@link #history} is the subject's records in log order, each with a
 * receipt that proves it against the current checkpoint; {@link #lineage} is the graph of a data resource (where
 * it came from, which transfers moved it, what was derived from it) as W3C PROV-O JSON-LD.
 *
 * <p>Lineage is read from record types: {@code *.derived} records name the derived resource first and its sources
 * after it ({@code prov:wasDerivedFrom}); every other record about a resource is an activity that used it
 * ({@code prov:used}) performed by its actor ({@code prov:wasAssociatedWith}); a record's {@code previous} link is
 * {@code prov:wasInformedBy}.
 *
 * <p>Thread-safe.
 */
public final class Provenance {

    /** Most records returned for one subject; enough for any real resource, bounded for the server. */
    public static final int MAX_RECORDS = 10_000;

    /** Most resources one lineage walk visits. */
    static final int MAX_RESOURCES = 1_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EvidenceLog log;
    private final LedgerStore store;

    public Provenance(EvidenceLog log, LedgerStore store) {
        this.log = log;
        this.store = store;
    }

    /** One step of a subject's history. */
    public record Step(long index, EvidenceRecord record, String jws, Receipt receipt) {}

    public Result<List<Step>> history(String subject) {
        List<Step> steps = new ArrayList<>();
        for (LogEntry entry : store.bySubject(subject, MAX_RECORDS)) {
            Result<EvidenceRecord> record = EvidenceRecord.fromCanonicalJson(entry.entry());
            if (record instanceof Result.Failure<EvidenceRecord> altered) {
                return Result.conflict("entry " + entry.index() + " no longer parses: " + altered.reason());
            }
            Result<Receipt> receipt = log.receiptAt(entry.index());
            if (receipt instanceof Result.Failure<Receipt> failure) {
                return failure.cast();
            }
            steps.add(new Step(entry.index(), record.orElseThrow(), entry.jws(), receipt.orElseThrow()));
        }
        if (steps.isEmpty()) {
            return Result.notFound("the ledger has no record about '" + subject + "'");
        }
        return Result.ok(steps);
    }

    /** The PROV-O graph around {@code resource}: its sources and derivatives, transitively, and every activity. */
    public Result<ObjectNode> lineage(String resource) {
        Map<String, EvidenceRecord> activities = new LinkedHashMap<>();
        Set<String> resources = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>(List.of(resource));
        Map<String, Set<String>> derivedFrom = new LinkedHashMap<>();
        while (!queue.isEmpty() && resources.size() < MAX_RESOURCES) {
            String current = queue.remove(0);
            if (!resources.add(current)) {
                continue;
            }
            for (LogEntry entry : store.bySubject(current, MAX_RECORDS)) {
                EvidenceRecord record =
                        EvidenceRecord.fromCanonicalJson(entry.entry()).orElseThrow();
                activities.putIfAbsent(record.id(), record);
                if (record.type().endsWith(".derived") && record.subjects().size() > 1) {
                    String derived = record.subjects().get(0);
                    List<String> sources =
                            record.subjects().subList(1, record.subjects().size());
                    derivedFrom
                            .computeIfAbsent(derived, d -> new LinkedHashSet<>())
                            .addAll(sources);
                    queue.add(derived);
                    queue.addAll(sources);
                }
            }
        }
        if (activities.isEmpty()) {
            return Result.notFound("the ledger has no record about '" + resource + "'");
        }
        return Result.ok(graph(resources, activities, derivedFrom));
    }

    private static ObjectNode graph(
            Set<String> resources, Map<String, EvidenceRecord> activities, Map<String, Set<String>> derivedFrom) {
        ObjectNode document = JSON.createObjectNode();
        ObjectNode context = document.putObject("@context");
        context.put("prov", "http://www.w3.org/ns/prov#");
        context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        context.put("ts", "https://trustspace.io/ns/evidence#");
        ArrayNode graph = document.putArray("@graph");
        Set<String> agents = new LinkedHashSet<>();
        for (String resource : resources) {
            ObjectNode entity = graph.addObject();
            entity.put("@id", resource);
            entity.put("@type", "prov:Entity");
            Set<String> sources = derivedFrom.get(resource);
            if (sources != null) {
                ArrayNode from = entity.putArray("prov:wasDerivedFrom");
                sources.forEach(source -> from.addObject().put("@id", source));
            }
        }
        for (EvidenceRecord record : activities.values()) {
            ObjectNode activity = graph.addObject();
            activity.put("@id", "urn:trustspace:evidence:" + record.id());
            activity.put("@type", "prov:Activity");
            activity.put("ts:type", record.type());
            activity.put("ts:payloadDigest", record.payloadDigest());
            ObjectNode time = activity.putObject("prov:endedAtTime");
            time.put("@value", record.toJson().path("time").asString());
            time.put("@type", "xsd:dateTime");
            activity.putObject("prov:wasAssociatedWith").put("@id", record.actor());
            agents.add(record.actor());
            ArrayNode used = activity.putArray("prov:used");
            record.subjects().forEach(subject -> used.addObject().put("@id", subject));
            if (record.previous() != null) {
                activity.putObject("prov:wasInformedBy").put("@id", "urn:trustspace:evidence:" + record.previous());
            }
        }
        for (String agent : agents) {
            ObjectNode node = graph.addObject();
            node.put("@id", agent);
            node.put("@type", "prov:Agent");
        }
        return document;
    }
}
