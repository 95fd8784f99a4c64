/**
 * Credential detection over plain strings: provider formats and tiers, the placeholder classifier,
 * masking, salted fingerprints, argument and env-file extraction, and the search for a secret's
 * other occurrences. Nothing here parses MCP configs or touches git; callers hand in values and get
 * explainable verdicts back.
 */
package dev.mcpsec.secrets;
