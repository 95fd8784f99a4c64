/**
 * Fleet scanning: many repositories (clones or bare mirrors) in one process, a per-repository cache
 * keyed by the repository's refs, shards for many machines, and the org report that joins them.
 * Uses the engine through {@link dev.mcpsec.scan.ScanEngine} with one compiled rule set for the
 * whole fleet; never project policies.
 */
package dev.mcpsec.fleet;
