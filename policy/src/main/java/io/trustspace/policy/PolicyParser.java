package io.trustspace.policy;

import io.trustspace.common.Result;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an ODRL 2.2 policy from the compact JSON-LD form of DSP 2025-1 (and EDC): terms plain ({@code permission}),
 * prefixed ({@code odrl:permission}) or as full IRIs; term values as strings or {@code {"@id": …}}; right operands as
 * plain values, {@code {"@value", "@type"}} objects, arrays or {@code @list}s. Our own operands are recognised in the
 * {@code ts:} namespace of {@link PolicyVocabulary}.
 *
 * <p>This is not a JSON-LD processor: it recognises the standard {@code odrl:}, {@code ts:} and {@code xsd:} prefixes
 * and the terms of the DSP and TrustSpace contexts, and does not follow a document's own {@code @context}
 * redefinitions. Members it does not know are ignored (JSON-LD is open), but anything that would change the meaning
 * and that we cannot evaluate (an unknown operand, operator or action, an action refinement, a
 * {@code rightOperandReference}) is refused. Input is bounded: {@value #MAX_CHARS} characters, {@value #MAX_RULES}
 * rules, {@value #MAX_CONSTRAINTS} constraints, logical nesting {@value #MAX_DEPTH}, lists of {@value #MAX_LIST}.
 *
 * <p>Failures are {@code INVALID} results whose reason starts with a path, e.g.
 * {@code permission[0].constraint[1].operator: unknown 'odrl:foo'}. Stateless and thread-safe.
 */
public final class PolicyParser {

    public static final int MAX_CHARS = 256 * 1024;
    public static final int MAX_RULES = 128;
    public static final int MAX_CONSTRAINTS = 512;
    public static final int MAX_DEPTH = 8;
    public static final int MAX_LIST = 256;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder().maxNestingDepth(64).build())
                    .build())
            // A repeated member would let one reader see a different policy than another: refuse it.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Map<String, LeftOperand> LEFT_OPERANDS = new HashMap<>();
    private static final Map<String, Operator> OPERATORS = new HashMap<>();
    private static final Map<String, Action> ACTIONS = new HashMap<>();
    private static final Map<String, PolicyType> TYPES = new HashMap<>();
    private static final Map<String, LogicalConstraint.Kind> LOGICAL = new HashMap<>();

    static {
        for (LeftOperand operand : LeftOperand.values()) {
            register(LEFT_OPERANDS, operand.term(), operand);
            operand.aliases().forEach(alias -> register(LEFT_OPERANDS, alias, operand));
        }
        for (Operator operator : Operator.values()) {
            register(OPERATORS, operator.term(), operator);
        }
        for (Action action : Action.values()) {
            register(ACTIONS, action.term(), action);
        }
        for (PolicyType type : PolicyType.values()) {
            register(TYPES, type.term(), type);
        }
        for (LogicalConstraint.Kind kind : LogicalConstraint.Kind.values()) {
            register(LOGICAL, kind.term(), kind);
        }
    }

    private static <T> void register(Map<String, T> table, String term, T value) {
        table.put(term, value);
        table.putIfAbsent(term.substring(term.indexOf(':') + 1), value);
    }

    private int rules;
    private int constraints;

    private PolicyParser() {}

    /** Parses JSON text; malformed JSON, oversized input and unknown terms are {@code INVALID}. */
    public static Result<Policy> parse(String json) {
        if (json.length() > MAX_CHARS) {
            return Result.invalid("policy JSON has %d characters, more than %d".formatted(json.length(), MAX_CHARS));
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JacksonException e) {
            return Result.invalid("malformed JSON: " + e.getOriginalMessage());
        }
        return parse(node);
    }

    /** Parses an already-read JSON tree (e.g. the {@code odrl:offer} member of a DSP message). */
    public static Result<Policy> parse(JsonNode node) {
        try {
            return Result.ok(new PolicyParser().policy(node));
        } catch (Rejection e) {
            return Result.invalid(e.getMessage());
        }
    }

    /** A rejection with its path; only thrown and caught inside this class, to unwind the recursive descent. */
    private static final class Rejection extends RuntimeException {
        Rejection(String path, String reason) {
            super((path.isEmpty() ? "" : path + ": ") + reason, null, false, false);
        }
    }

    private Policy policy(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new Rejection("", "a policy must be a JSON object");
        }
        JsonNode typeNode = node.get("@type");
        if (typeNode == null) {
            typeNode = node.get("type"); // the ODRL context aliases @type to "type"
        }
        if (typeNode == null) {
            throw new Rejection("@type", "missing (expected odrl:Set, odrl:Offer or odrl:Agreement)");
        }
        PolicyType type = lookup(TYPES, term(typeNode, "@type"), "@type");
        JsonNode idNode = node.get("@id");
        if (idNode == null) {
            idNode = member(node, "uid");
        }
        if (idNode == null) {
            throw new Rejection("@id", "missing");
        }
        String uid = term(idNode, "@id");
        Optional<String> assigner = optionalId(node, "assigner");
        Optional<String> assignee = optionalId(node, "assignee");
        Optional<String> target = optionalId(node, "target");
        if (type == PolicyType.AGREEMENT) {
            if (assigner.isEmpty()) {
                throw new Rejection("assigner", "missing (an odrl:Agreement names both parties)");
            }
            if (assignee.isEmpty()) {
                throw new Rejection("assignee", "missing (an odrl:Agreement names both parties)");
            }
            if (target.isEmpty()) {
                throw new Rejection("target", "missing (an odrl:Agreement names its target)");
            }
        }
        List<Permission> permissions = new ArrayList<>();
        List<JsonNode> items = items(node, "permission", "");
        for (int i = 0; i < items.size(); i++) {
            String path = "permission[" + i + "]";
            JsonNode rule = ruleObject(items.get(i), path);
            List<Duty> duties = new ArrayList<>();
            List<JsonNode> dutyItems = items(rule, "duty", path + ".");
            for (int d = 0; d < dutyItems.size(); d++) {
                duties.add(duty(dutyItems.get(d), path + ".duty[" + d + "]"));
            }
            permissions.add(new Permission(action(rule, path), constraints(rule, path), duties));
        }
        List<Prohibition> prohibitions = new ArrayList<>();
        items = items(node, "prohibition", "");
        for (int i = 0; i < items.size(); i++) {
            String path = "prohibition[" + i + "]";
            JsonNode rule = ruleObject(items.get(i), path);
            prohibitions.add(new Prohibition(action(rule, path), constraints(rule, path)));
        }
        List<Duty> obligations = new ArrayList<>();
        items = items(node, "obligation", "");
        for (int i = 0; i < items.size(); i++) {
            obligations.add(duty(items.get(i), "obligation[" + i + "]"));
        }
        return new Policy(uid, type, assigner, assignee, target, permissions, prohibitions, obligations);
    }

    private Duty duty(JsonNode item, String path) {
        JsonNode rule = ruleObject(item, path);
        return new Duty(action(rule, path), constraints(rule, path));
    }

    private JsonNode ruleObject(JsonNode item, String path) {
        if (++rules > MAX_RULES) {
            throw new Rejection(path, "more than %d rules".formatted(MAX_RULES));
        }
        if (!item.isObject()) {
            throw new Rejection(path, "a rule must be a JSON object");
        }
        return item;
    }

    private Action action(JsonNode rule, String path) {
        JsonNode node = member(rule, "action");
        if (node == null) {
            throw new Rejection(path + ".action", "missing");
        }
        if (node.isArray()) {
            if (node.size() != 1) {
                throw new Rejection(path + ".action", "exactly one action per rule, found " + node.size());
            }
            node = node.get(0);
        }
        if (node.isObject() && (member(node, "refinement") != null || node.get("rdf:value") != null)) {
            throw new Rejection(path + ".action", "action refinements are not supported");
        }
        return lookup(ACTIONS, term(node, path + ".action"), path + ".action");
    }

    private List<ConstraintExpression> constraints(JsonNode rule, String path) {
        List<ConstraintExpression> result = new ArrayList<>();
        List<JsonNode> items = items(rule, "constraint", path + ".");
        for (int i = 0; i < items.size(); i++) {
            result.add(constraint(items.get(i), path + ".constraint[" + i + "]", 1));
        }
        return result;
    }

    private ConstraintExpression constraint(JsonNode node, String path, int depth) {
        if (++constraints > MAX_CONSTRAINTS) {
            throw new Rejection(path, "more than %d constraints".formatted(MAX_CONSTRAINTS));
        }
        if (!node.isObject()) {
            throw new Rejection(path, "a constraint must be a JSON object");
        }
        LogicalConstraint.Kind logical = null;
        JsonNode operandsNode = null;
        for (LogicalConstraint.Kind kind : LogicalConstraint.Kind.values()) {
            String name = kind.term().substring("odrl:".length());
            JsonNode candidate = member(node, name);
            if (candidate != null) {
                if (logical != null) {
                    throw new Rejection(path, "both '%s' and '%s'".formatted(logical.term(), kind.term()));
                }
                logical = kind;
                operandsNode = candidate;
            }
        }
        if (logical != null) {
            return logicalConstraint(logical, operandsNode, path, depth);
        }
        if (member(node, "rightOperandReference") != null) {
            throw new Rejection(path + ".rightOperandReference", "not supported");
        }
        JsonNode left = member(node, "leftOperand");
        if (left == null) {
            throw new Rejection(path + ".leftOperand", "missing");
        }
        LeftOperand leftOperand = lookup(LEFT_OPERANDS, term(left, path + ".leftOperand"), path + ".leftOperand");
        JsonNode op = member(node, "operator");
        if (op == null) {
            throw new Rejection(path + ".operator", "missing");
        }
        Operator operator = lookup(OPERATORS, term(op, path + ".operator"), path + ".operator");
        JsonNode right = member(node, "rightOperand");
        if (right == null) {
            throw new Rejection(path + ".rightOperand", "missing");
        }
        String rightPath = path + ".rightOperand";
        RightOperand rightOperand;
        if (operator.setBased()) {
            List<JsonNode> elements = listElements(right);
            if (elements.isEmpty()) {
                throw new Rejection(rightPath, "empty list");
            }
            if (elements.size() > MAX_LIST) {
                throw new Rejection(rightPath, "more than %d values".formatted(MAX_LIST));
            }
            List<RightOperand> values = new ArrayList<>();
            for (int i = 0; i < elements.size(); i++) {
                values.add(scalar(elements.get(i), leftOperand, rightPath + "[" + i + "]"));
            }
            rightOperand = new RightOperand.ListValue(values);
        } else {
            if (right.isArray() || right.has("@list") || right.has("@set")) {
                throw new Rejection(rightPath, "'%s' needs a single value, not a list".formatted(operator.term()));
            }
            rightOperand = scalar(right, leftOperand, rightPath);
        }
        Optional<String> problem = Constraint.incompatibility(leftOperand, operator, rightOperand);
        if (problem.isPresent()) {
            throw new Rejection(path + ".operator", problem.get());
        }
        return new Constraint(leftOperand, operator, rightOperand);
    }

    private ConstraintExpression logicalConstraint(
            LogicalConstraint.Kind kind, JsonNode operandsNode, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Rejection(path, "logical constraints nested deeper than " + MAX_DEPTH);
        }
        String name = kind.term().substring("odrl:".length());
        List<JsonNode> elements = listElements(operandsNode);
        // ODRL asks for a list; a single operand (which EDC writes as one object) is accepted and means that operand.
        if (elements.isEmpty()) {
            throw new Rejection(path + "." + name, "needs at least one constraint");
        }
        if (elements.size() > MAX_LIST) {
            throw new Rejection(path + "." + name, "more than %d constraints".formatted(MAX_LIST));
        }
        List<ConstraintExpression> operands = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            operands.add(constraint(elements.get(i), path + "." + name + "[" + i + "]", depth + 1));
        }
        return new LogicalConstraint(kind, operands);
    }

    private static RightOperand scalar(JsonNode node, LeftOperand leftOperand, String path) {
        LeftOperand.Kind kind = leftOperand.kind();
        boolean textual = kind == LeftOperand.Kind.TEXT || kind == LeftOperand.Kind.TEXT_SET;
        String lexical;
        if (node.isObject() && node.has("@value")) {
            JsonNode value = node.get("@value");
            if (node.has("@type")) {
                String type = compact(term(node.get("@type"), path + ".@type"));
                if (!typeFits(type, kind)) {
                    throw new Rejection(
                            path + ".@type",
                            "'%s' is not a type for %s (expected %s)"
                                    .formatted(type, leftOperand.term(), expectedType(kind)));
                }
            }
            node = value;
        } else if (node.isObject() && node.has("@id")) {
            if (!textual) {
                throw new Rejection(path, "an IRI is not a value for " + leftOperand.term());
            }
            return new RightOperand.TextValue(compact(term(node, path)));
        }
        if (node.isString()) {
            lexical = node.stringValue();
        } else if (node.isIntegralNumber() && kind == LeftOperand.Kind.INTEGER) {
            if (!node.canConvertToLong()) {
                throw new Rejection(path, "integer out of range");
            }
            return new RightOperand.IntegerValue(node.longValue());
        } else {
            throw new Rejection(path, "expected %s for %s".formatted(expectedType(kind), leftOperand.term()));
        }
        return switch (kind) {
            case TEXT, TEXT_SET -> new RightOperand.TextValue(lexical);
            case INTEGER -> {
                try {
                    yield new RightOperand.IntegerValue(Long.parseLong(lexical));
                } catch (NumberFormatException e) {
                    throw new Rejection(path, "'%s' is not an xsd:integer".formatted(lexical));
                }
            }
            case DATE_TIME -> new RightOperand.DateTimeValue(dateTime(lexical, path));
            case DURATION -> new RightOperand.DurationValue(duration(lexical, path));
        };
    }

    private static Instant dateTime(String lexical, String path) {
        try {
            return OffsetDateTime.parse(lexical).toInstant();
        } catch (DateTimeParseException e) {
            throw new Rejection(path, "'%s' is not an xsd:dateTime with a time-zone offset".formatted(lexical));
        }
    }

    /** Only day-time durations: a month or a year has no fixed length, so {@code P1M} would be ambiguous. */
    private static Duration duration(String lexical, String path) {
        int time = lexical.indexOf('T');
        String datePart = time < 0 ? lexical : lexical.substring(0, time);
        if (datePart.contains("Y") || datePart.contains("M") || datePart.contains("W")) {
            throw new Rejection(
                    path, "'%s' has years, months or weeks, which have no fixed length; use days".formatted(lexical));
        }
        Duration duration;
        try {
            duration = Duration.parse(lexical);
        } catch (DateTimeParseException e) {
            throw new Rejection(path, "'%s' is not an ISO 8601 duration".formatted(lexical));
        }
        if (duration.isNegative()) {
            throw new Rejection(path, "'%s' is negative".formatted(lexical));
        }
        return duration;
    }

    private static final Map<LeftOperand.Kind, Set<String>> TYPES_BY_KIND = Map.of(
            LeftOperand.Kind.TEXT, Set.of("xsd:string", "xsd:anyURI"),
            LeftOperand.Kind.TEXT_SET, Set.of("xsd:string", "xsd:anyURI"),
            LeftOperand.Kind.INTEGER,
                    Set.of("xsd:integer", "xsd:int", "xsd:long", "xsd:nonNegativeInteger", "xsd:positiveInteger"),
            LeftOperand.Kind.DATE_TIME, Set.of("xsd:dateTime", "xsd:dateTimeStamp"),
            LeftOperand.Kind.DURATION, Set.of("xsd:duration", "xsd:dayTimeDuration"));

    private static boolean typeFits(String type, LeftOperand.Kind kind) {
        return TYPES_BY_KIND.get(kind).contains(type);
    }

    private static String expectedType(LeftOperand.Kind kind) {
        return switch (kind) {
            case TEXT, TEXT_SET -> "xsd:string";
            case INTEGER -> "xsd:integer";
            case DATE_TIME -> "xsd:dateTime";
            case DURATION -> "xsd:duration";
        };
    }

    /** The elements of an array, an {@code @list} or {@code @set} object, or a single value as a list of one. */
    private static List<JsonNode> listElements(JsonNode node) {
        if (node.isObject() && node.has("@list")) {
            node = node.get("@list");
        } else if (node.isObject() && node.has("@set")) {
            node = node.get("@set");
        }
        List<JsonNode> elements = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(elements::add);
        } else {
            elements.add(node);
        }
        return elements;
    }

    /** The items of a member that may be one object or an array of them; absent is empty. */
    private static List<JsonNode> items(JsonNode node, String name, String prefix) {
        JsonNode value = member(node, name);
        if (value == null) {
            return List.of();
        }
        List<JsonNode> elements = listElements(value);
        if (elements.size() > MAX_RULES) {
            throw new Rejection(prefix + name, "more than %d entries".formatted(MAX_RULES));
        }
        return elements;
    }

    /**
     * A member under its plain, {@code odrl:}-prefixed or full-IRI name; the same member under two of these names is
     * refused, since which one wins would otherwise be our choice, not the author's.
     */
    private static JsonNode member(JsonNode node, String name) {
        JsonNode value = null;
        String found = null;
        for (String key : new String[] {name, "odrl:" + name, PolicyVocabulary.ODRL + name}) {
            JsonNode candidate = node.get(key);
            if (candidate != null) {
                if (value != null) {
                    throw new Rejection(name, "given both as '%s' and '%s'".formatted(found, key));
                }
                value = candidate;
                found = key;
            }
        }
        return value;
    }

    private static Optional<String> optionalId(JsonNode node, String name) {
        JsonNode value = member(node, name);
        return value == null ? Optional.empty() : Optional.of(term(value, name));
    }

    /** A string, or the {@code @id} of an object: how compact JSON-LD writes a term or an IRI. */
    private static String term(JsonNode node, String path) {
        if (node.isObject() && node.has("@id")) {
            node = node.get("@id");
        } else if (node.isObject() && node.has("uid")) {
            node = node.get("uid"); // a party or asset written out with the ODRL context, which aliases @id to uid
        }
        if (!node.isString() || node.stringValue().isBlank()) {
            throw new Rejection(path, "expected a term or IRI string");
        }
        return node.stringValue();
    }

    private static <T> T lookup(Map<String, T> table, String term, String path) {
        T value = table.get(compact(term));
        if (value == null) {
            throw new Rejection(path, "unknown '%s'".formatted(term));
        }
        return value;
    }

    /** Full IRIs of the namespaces we know to their compact form, so that one table serves both. */
    static String compact(String iri) {
        if (iri.startsWith(PolicyVocabulary.ODRL)) {
            return "odrl:" + iri.substring(PolicyVocabulary.ODRL.length());
        }
        if (iri.startsWith(PolicyVocabulary.TS)) {
            return "ts:" + iri.substring(PolicyVocabulary.TS.length());
        }
        if (iri.startsWith(PolicyVocabulary.XSD)) {
            return "xsd:" + iri.substring(PolicyVocabulary.XSD.length());
        }
        return iri;
    }
}
