package io.trustspace.catalog.shacl;

import io.trustspace.catalog.resource.Finding;
import io.trustspace.catalog.resource.MetadataCheck;
import io.trustspace.catalog.resource.ResourceKind;
import io.trustspace.catalog.resource.ResourceMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.vocabulary.SHACL;

/**
 * Admission's schema validity check (规范性审查): validates a resource's metadata against the SHACL shapes of our
 * vocabulary ({@value #SHAPES}) with Apache Jena, and reports each violation as a {@link Finding} with rule
 * {@value #RULE}. The metadata is turned into RDF with {@link MetadataGraph} (no JSON-LD parsing, no remote
 * contexts); a violation's field is the path of its focus node ({@code distributions[0]}) joined with the
 * {@code sh:name} of the shape that raised it ({@code format}), its message the shape's {@code sh:message} (else
 * Jena's). Findings are sorted by field and free of duplicates.
 *
 * <p>The shapes are parsed once, in the constructor, which throws if they are missing or malformed; afterwards the
 * instance is immutable (the shapes graph is private and only read) and thread-safe: each check builds and validates
 * its own data graph.
 */
public final class ShapeCheck implements MetadataCheck {

    /** The rule of every finding this check reports. */
    public static final String RULE = "shape";
    /** The classpath resource holding our shapes. */
    public static final String SHAPES = "/io/trustspace/catalog/shacl/trustspace-shapes.ttl";

    private final Shapes shapes;
    private final Map<Node, String> names;
    private final Map<Node, String> messages;

    /** The check with our shapes. */
    public ShapeCheck() {
        this(loadShapes());
    }

    /** The check with the shapes in {@code shapesGraph}, which it keeps and never changes. */
    ShapeCheck(Graph shapesGraph) {
        this.shapes = Shapes.parse(shapesGraph);
        this.names = literals(shapesGraph, SHACL.name);
        this.messages = literals(shapesGraph, SHACL.message);
    }

    /** Our shapes, parsed from {@value #SHAPES}; a new graph on each call. */
    public static Graph loadShapes() {
        try (InputStream in = ShapeCheck.class.getResourceAsStream(SHAPES)) {
            if (in == null) {
                throw new IllegalStateException("SHACL shapes " + SHAPES + " are not on the classpath");
            }
            return RDFParser.source(in).lang(Lang.TURTLE).toGraph();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many node and property shapes are in force (a shapes file that parses to nothing is a bug). */
    public int shapeCount() {
        return shapes.numShapes();
    }

    @Override
    public List<Finding> check(ResourceKind kind, ResourceMetadata metadata) {
        return validate(MetadataGraph.of(kind, metadata));
    }

    List<Finding> validate(MetadataGraph graph) {
        ValidationReport report =
                ShaclValidator.get().validate(shapes, graph.model().getGraph());
        if (report.conforms()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (ReportEntry entry : report.getEntries()) {
            findings.add(finding(graph, entry));
        }
        findings.sort(Comparator.comparing(Finding::field).thenComparing(Finding::message));
        return List.copyOf(new LinkedHashSet<>(findings));
    }

    private Finding finding(MetadataGraph graph, ReportEntry entry) {
        String prefix = graph.paths().getOrDefault(entry.focusNode(), "");
        String name = names.get(entry.source());
        if (name == null) {
            name = entry.resultPath() == null ? "" : entry.resultPath().toString();
        }
        String field = prefix.isEmpty() ? name : name.isEmpty() ? prefix : prefix + "." + name;
        String message = messages.getOrDefault(entry.source(), entry.message());
        return new Finding(field.isEmpty() ? "metadata" : field, RULE, message);
    }

    private static Map<Node, String> literals(Graph graph, Node predicate) {
        Map<Node, String> values = new HashMap<>();
        graph.find(Node.ANY, predicate, Node.ANY)
                .filterKeep(triple -> triple.getObject().isLiteral())
                .forEach((Triple triple) ->
                        values.put(triple.getSubject(), triple.getObject().getLiteralLexicalForm()));
        return Map.copyOf(values);
    }
}
