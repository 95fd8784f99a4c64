package dev.mcpsec.parse;

import dev.mcpsec.api.ScanLimits;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Builds a {@link PNode} tree from YAML with anchors, aliases and merge keys ({@code <<: *base})
 * resolved, as YAML clients load them: a key passed through {@code *alias} or {@code <<:} is seen
 * like any other. Uses SnakeYAML's composer (the node graph, with positions) under the scan limits;
 * recursive aliases are refused, and the tree an alias expands to is bounded in size.
 */
final class YamlTreeReader {
    /** Most nodes a document may expand to once its aliases are resolved. */
    static final int MAX_NODES = 1_000_000;

    private final int maxDepth;
    private final List<String> warnings;
    private final IdentityHashMap<Node, Boolean> onPath = new IdentityHashMap<>();
    private int nodes;

    private YamlTreeReader(int maxDepth, List<String> warnings) {
        this.maxDepth = maxDepth;
        this.warnings = warnings;
    }

    static LoaderOptions options(ScanLimits limits) {
        LoaderOptions options = new LoaderOptions();
        options.setNestingDepthLimit(limits.maxNestingDepth() + 1);
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()));
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(true);
        return options;
    }

    /**
     * The first document's tree, or null for an empty stream.
     *
     * @throws YAMLException for malformed YAML or a SnakeYAML limit
     * @throws PositionalReader.DepthException when the resolved tree nests deeper than the limit
     */
    static PNode read(String text, ScanLimits limits, List<String> warnings) {
        LoaderOptions options = options(limits);
        Composer composer =
                new Composer(
                        new ParserImpl(new StreamReader(text), options), new Resolver(), options);
        if (!composer.checkNode()) {
            return null;
        }
        Node root = composer.getNode();
        PNode tree = new YamlTreeReader(limits.maxNestingDepth(), warnings).build(root, 0);
        try {
            if (composer.checkNode()) {
                warnings.add(
                        position(composer.getNode())
                                + ": content after the first document ignored");
            }
        } catch (YAMLException e) {
            warnings.add("content after the first document ignored (it does not parse)");
        }
        return tree;
    }

    private PNode build(Node n, int depth) {
        if (++nodes > MAX_NODES) {
            throw new YAMLException(
                    "more than " + MAX_NODES + " nodes once aliases are resolved; not parsed");
        }
        int line = n.getStartMark().getLine() + 1;
        int col = n.getStartMark().getColumn() + 1;
        if (n instanceof ScalarNode s) {
            return PNode.scalar(Tag.NULL.equals(s.getTag()) ? null : s.getValue(), line, col);
        }
        if (depth >= maxDepth) {
            throw new PositionalReader.DepthException(
                    line
                            + ":"
                            + col
                            + ": nesting deeper than "
                            + maxDepth
                            + " levels (maxNestingDepth); not parsed");
        }
        if (onPath.put(n, Boolean.TRUE) != null) {
            throw new YAMLException(
                    line + ":" + col + ": an alias refers to a node that contains it; not parsed");
        }
        try {
            if (n instanceof SequenceNode seq) {
                List<PNode> items = new ArrayList<>();
                for (Node item : seq.getValue()) {
                    items.add(build(item, depth + 1));
                }
                return PNode.array(items, line, col);
            }
            return mapping((MappingNode) n, depth, line, col);
        } finally {
            onPath.remove(n);
        }
    }

    /**
     * Merged keys first (an earlier source wins over a later one), then the mapping's own keys over
     * them.
     */
    private PNode mapping(MappingNode m, int depth, int line, int col) {
        Map<String, PNode> fields = PNode.newFields();
        List<NodeTuple> own = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            if (Tag.MERGE.equals(t.getKeyNode().getTag())) {
                Node source = t.getValueNode();
                List<Node> sources =
                        source instanceof SequenceNode seq ? seq.getValue() : List.of(source);
                for (Node s : sources) {
                    PNode merged = build(s, depth + 1);
                    if (merged.isObject()) {
                        merged.fields().forEach(fields::putIfAbsent);
                    } else {
                        warnings.add(position(s) + ": a merge key (<<) needs a mapping; ignored");
                    }
                }
            } else {
                own.add(t);
            }
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (NodeTuple t : own) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                warnings.add(
                        position(t.getKeyNode())
                                + ": a key that is not a plain value; entry skipped");
                continue;
            }
            PNode value = build(t.getValueNode(), depth + 1);
            value.keyAt(key.getStartMark().getLine() + 1, key.getStartMark().getColumn() + 1);
            if (!seen.add(key.getValue())) {
                warnings.add(
                        position(key)
                                + ": duplicate key \""
                                + PositionalReader.clean(key.getValue())
                                + "\"; the last one counts");
            }
            fields.put(key.getValue(), value);
        }
        return PNode.object(fields, line, col);
    }

    private static String position(Node n) {
        return (n.getStartMark().getLine() + 1) + ":" + (n.getStartMark().getColumn() + 1);
    }
}
