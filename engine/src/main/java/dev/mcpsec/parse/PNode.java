package dev.mcpsec.parse;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of a parsed config file (object, array or scalar) that remembers where it was written.
 * {@code line}/{@code column} are 1-based (0 when unknown) and point at the value; for an object
 * member, {@code keyLine}/{@code keyColumn} point at its key (otherwise they equal the value's
 * position).
 */
public final class PNode {

    /** What a node holds. */
    public enum Kind {
        OBJECT,
        ARRAY,
        SCALAR
    }

    private final Kind kind;
    private final Map<String, PNode> fields;
    private final List<PNode> items;
    private final String text;
    private final int line;
    private final int column;
    private int keyLine;
    private int keyColumn;

    private PNode(
            Kind kind,
            Map<String, PNode> fields,
            List<PNode> items,
            String text,
            int line,
            int column) {
        this.kind = kind;
        this.fields = fields;
        this.items = items;
        this.text = text;
        this.line = line;
        this.column = column;
        this.keyLine = line;
        this.keyColumn = column;
    }

    static PNode object(Map<String, PNode> fields, int line, int column) {
        return new PNode(Kind.OBJECT, fields, List.of(), null, line, column);
    }

    static PNode array(List<PNode> items, int line, int column) {
        return new PNode(Kind.ARRAY, Map.of(), items, null, line, column);
    }

    /** A scalar; {@code text} is null for a JSON/YAML null. */
    static PNode scalar(String text, int line, int column) {
        return new PNode(Kind.SCALAR, Map.of(), List.of(), text, line, column);
    }

    void keyAt(int line, int column) {
        this.keyLine = line;
        this.keyColumn = column;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isObject() {
        return kind == Kind.OBJECT;
    }

    public boolean isArray() {
        return kind == Kind.ARRAY;
    }

    public boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    /** Members of an object in file order (empty for other kinds). */
    public Map<String, PNode> fields() {
        return Collections.unmodifiableMap(fields);
    }

    /** Items of an array (empty for other kinds). */
    public List<PNode> items() {
        return Collections.unmodifiableList(items);
    }

    /** A member of an object, or null. */
    public PNode get(String key) {
        return fields.get(key);
    }

    /** Follows a path of member names; null as soon as one is missing. */
    public PNode path(String... keys) {
        PNode n = this;
        for (String k : keys) {
            n = n == null ? null : n.get(k);
        }
        return n;
    }

    /** The scalar's text (numbers and booleans as written), null for a null or a container. */
    public String text() {
        return text;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public int keyLine() {
        return keyLine;
    }

    public int keyColumn() {
        return keyColumn;
    }

    /** The scalar as a {@link Located}, or null when this is not a non-null scalar. */
    public Located located() {
        return isScalar() && text != null ? new Located(text, line, column) : null;
    }

    static Map<String, PNode> newFields() {
        return new LinkedHashMap<>();
    }
}
