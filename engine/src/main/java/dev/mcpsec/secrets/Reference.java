package dev.mcpsec.secrets;

/**
 * A variable reference found in a value, e.g. {@code ${env:GITHUB_TOKEN}}.
 *
 * @param variable the variable name as written ({@code GITHUB_TOKEN}, {@code gh-pat}, {@code
 *     workspaceFolder})
 * @param syntax {@code env}, {@code input}, {@code secret}, {@code file} or {@code other}
 */
public record Reference(String variable, String syntax) {}
