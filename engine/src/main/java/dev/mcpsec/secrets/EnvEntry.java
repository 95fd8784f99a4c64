package dev.mcpsec.secrets;

/**
 * One {@code NAME=value} assignment of an env file.
 *
 * @param line 1-based line of the assignment
 * @param column 1-based column where the value starts
 */
public record EnvEntry(String name, String value, int line, int column) {

    @Override
    public String toString() {
        return "EnvEntry[name=" + name + ", line=" + line + ", column=" + column + "]";
    }
}
