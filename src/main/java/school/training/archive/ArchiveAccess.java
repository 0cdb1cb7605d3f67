package school.training.archive;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

import school.training.attachments.Attachment;
import school.training.attachments.AttachmentReaders;
import school.training.people.CamundaGroups;
import school.training.people.Directory;
import school.training.people.TeachingGroup;

/**
 * Who may read a teacher's archive and download its files: the teacher, the leader of her teaching group,
 * the principal and the office (as for the ledger). Everybody else is answered 404 by the pages, so they do
 * not learn who exists.
 */
@Component
class ArchiveAccess implements AttachmentReaders {

    private final Directory directory;
    private final ArchiveFileRepository files;
    private final ArchiveEntryRepository entries;

    ArchiveAccess(Directory directory, ArchiveFileRepository files, ArchiveEntryRepository entries) {
        this.directory = directory;
        this.files = files;
        this.entries = entries;
    }

    boolean mayRead(String userId, Collection<String> groups, String teacherId) {
        if (userId == null || teacherId == null) {
            return false;
        }
        if (userId.equals(teacherId)) {
            return true;
        }
        if (directory.find(teacherId).isEmpty()) {
            return false;
        }
        return groups.contains(CamundaGroups.PRINCIPAL) || groups.contains(CamundaGroups.OFFICE)
                || directory.isLeaderOf(userId, teacherId);
    }

    /** A file of an archive entry: whoever may read that teacher's archive. */
    @Override
    public boolean mayRead(String userId, Collection<String> groups, Attachment attachment) {
        return files.findByAttachmentId(attachment.getId()).flatMap(file -> entries.findById(file.getEntryId()))
                .filter(entry -> mayRead(userId, groups, entry.getTeacherId())).isPresent();
    }

    /** The teaching groups whose archives this person oversees: all for the principal and office, else those led. */
    List<TeachingGroup> groupsOverseenBy(Reader reader) {
        List<TeachingGroup> all = directory.teachingGroups();
        return reader.schoolWide() ? all : all.stream().filter(g -> reader.id().equals(g.getLeaderId())).toList();
    }
}
