package school.training.attachments;

import java.util.Collection;

/**
 * A module that attaches uploaded files to its own records (not to a request) says who besides the uploader
 * may download them; the download page asks every such module before it refuses.
 */
public interface AttachmentReaders {

    /** Whether this person, in these Camunda groups, may download the file; false for files the module does not hold. */
    boolean mayRead(String userId, Collection<String> groups, Attachment attachment);
}
