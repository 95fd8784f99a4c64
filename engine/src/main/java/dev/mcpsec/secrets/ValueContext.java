package dev.mcpsec.secrets;

/** Where a value was found, which changes how its name and shape are read. */
public enum ValueContext {
    ENV,
    HEADER,
    ARG,
    URL,
    ENV_FILE,
    OTHER
}
