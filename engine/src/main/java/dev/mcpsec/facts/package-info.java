/**
 * The public fact model DRL policies match on. Facts are flat, immutable records that join by
 * {@code file} and {@code server}; every field a built-in rule reads is a field an org rule can
 * read. See docs/writing-policies.md.
 */
package dev.mcpsec.facts;
