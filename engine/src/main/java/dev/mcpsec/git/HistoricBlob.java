package dev.mcpsec.git;

import java.time.Instant;

/**
 * One distinct version (blob) of a file found in git history, with the earliest commit that held it
 * at that path. No author or committer identity is kept.
 *
 * @param repoPath path inside the repository, forward slashes
 * @param scanRelativePath path relative to the scan root, forward slashes; null when outside the
 *     scan root
 * @param blobId full object id of the blob
 * @param firstCommit full id of the earliest commit (by commit time) holding this blob at {@code
 *     repoPath}
 * @param firstCommitTime commit time of {@code firstCommit}
 * @param content the blob's bytes (text: binary blobs are never returned)
 * @param atHead the blob is the HEAD version of {@code repoPath}
 */
public record HistoricBlob(
        String repoPath,
        String scanRelativePath,
        String blobId,
        String firstCommit,
        Instant firstCommitTime,
        byte[] content,
        boolean atHead) {}
