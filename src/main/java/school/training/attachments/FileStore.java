package school.training.attachments;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of an upload live, apart from its metadata ({@link Attachment}): chosen by
 * {@code training.uploads.store} ({@link FileStores}). One node can keep them in a directory; several nodes
 * need a place they all see — the shared database, or a directory they all mount.
 */
interface FileStore {

    /** Keeps the content under this id; {@code size} is its length in bytes. */
    void save(String id, InputStream content, long size) throws IOException;

    /** The content kept under this id; the caller closes it. */
    InputStream open(String id) throws IOException;
}
