/**
 * Git state of scanned files with JGit (no {@code git} binary): tracked and ignored status, every
 * historical version of MCP configs and env files across all refs, a per-repository fingerprint
 * salt, and the rotation register. Nothing here detects secrets; callers feed the content to {@code
 * dev.mcpsec.secrets}.
 */
package dev.mcpsec.git;
