package dev.mcpsec.cli;

/** What every command is constructed with: the process environment and the engine it drives. */
public record Context(Environment env, Engine engine) {
}
