package dev.mcpsec.git;

import java.util.Comparator;
import org.eclipse.jgit.lib.ObjectId;

/** Where a blob was introduced: the path, the commit and its commit time (epoch seconds). */
record BlobOccurrence(String path, ObjectId commit, int time) {
    /**
     * Total order, so that the earliest occurrence wins the same way whatever order commits were
     * diffed in.
     */
    static final Comparator<BlobOccurrence> EARLIEST =
            Comparator.comparingInt(BlobOccurrence::time)
                    .thenComparing(BlobOccurrence::path)
                    .thenComparing(BlobOccurrence::commit);

    static BlobOccurrence earlier(BlobOccurrence a, BlobOccurrence b) {
        return EARLIEST.compare(a, b) <= 0 ? a : b;
    }
}
