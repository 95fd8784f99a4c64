package dev.mcpsec.git;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * An object reader that keeps recently read trees (least recently used first out, bounded in
 * bytes). Walking history newest first, a commit's trees are read again as its child's parent trees
 * a moment later; inflating and un-deltifying them once instead of twice is most of the cost of a
 * history pass.
 */
final class TreeCachingReader extends ObjectReader.Filter {
    private final ObjectReader delegate;
    private final long budgetBytes;
    private long usedBytes;
    private final LinkedHashMap<ObjectId, byte[]> trees = new LinkedHashMap<>(4096, 0.75f, true);

    TreeCachingReader(ObjectReader delegate, long budgetBytes) {
        this.delegate = delegate;
        this.budgetBytes = budgetBytes;
    }

    @Override
    protected ObjectReader delegate() {
        return delegate;
    }

    @Override
    public ObjectLoader open(AnyObjectId objectId, int typeHint) throws IOException {
        if (typeHint != Constants.OBJ_TREE) {
            return delegate.open(objectId, typeHint);
        }
        byte[] raw = trees.get(objectId);
        if (raw == null) {
            raw = delegate.open(objectId, typeHint).getCachedBytes();
            remember(objectId.copy(), raw);
        }
        return new ObjectLoader.SmallObject(Constants.OBJ_TREE, raw);
    }

    private void remember(ObjectId id, byte[] raw) {
        if (raw.length > budgetBytes / 4) {
            return;
        }
        trees.put(id, raw);
        usedBytes += raw.length;
        var eldest = trees.entrySet().iterator();
        while (usedBytes > budgetBytes && eldest.hasNext()) {
            Map.Entry<ObjectId, byte[]> entry = eldest.next();
            usedBytes -= entry.getValue().length;
            eldest.remove();
        }
    }
}
