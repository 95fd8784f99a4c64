package dev.mcpsec.cli;

import dev.mcpsec.engine.Mcpsec;

/** What every command is constructed with: the process environment and the engine it drives. */
public record Context(Environment env, Mcpsec engine) {}
