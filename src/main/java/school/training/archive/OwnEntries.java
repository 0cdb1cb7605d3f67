package school.training.archive;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import school.training.attachments.Attachment;
import school.training.attachments.Attachments;

/**
 * What a teacher adds to her own archive (reflections, lesson plans, research projects, papers and awards,
 * with files), revises and deletes. Only her own entries, only those she added: another teacher's entry is
 * answered 404 (nothing changes), an entry a process wrote is refused (it is the record of a decision).
 */
@Service
@Transactional
class OwnEntries {

    private final ArchiveEntryRepository entries;
    private final ArchiveFileRepository files;
    private final Attachments attachments;
    private final Clock clock;

    OwnEntries(ArchiveEntryRepository entries, ArchiveFileRepository files, Attachments attachments, Clock clock) {
        this.entries = entries;
        this.files = files;
        this.attachments = attachments;
        this.clock = clock;
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such archive entry for you");
    }

    /** Her entry that she may change; 404 for an unknown id or another teacher's. */
    @Transactional(readOnly = true)
    ArchiveEntry editable(String teacherId, Long id) {
        ArchiveEntry entry = entries.findById(id).filter(e -> e.getTeacherId().equals(teacherId))
                .orElseThrow(OwnEntries::notFound);
        if (!entry.isTeacherAdded()) {
            throw new Refused("archive.entry.recorded");
        }
        return entry;
    }

    /**
     * Whether she may attach this stored file to her entry ({@code entryId} null for a new one): she uploaded it,
     * it belongs to no request, and to no other entry. An id she did not get from her own upload is ignored.
     */
    @Transactional(readOnly = true)
    boolean attachable(String teacherId, String attachmentId, Long entryId) {
        Optional<Attachment> attachment = attachments.find(attachmentId);
        if (attachment.isEmpty() || !teacherId.equals(attachment.get().getUploadedBy())
                || attachment.get().getProcessInstanceId() != null) {
            return false;
        }
        return files.findByAttachmentId(attachmentId).map(f -> f.getEntryId().equals(entryId)).orElse(true);
    }

    @Transactional(readOnly = true)
    Optional<ArchiveEntry> addedWith(String token, ArchiveKind kind) {
        return entries.findBySourceAndSourceIdAndKind(ArchiveEntry.TEACHER_SOURCE, token, kind);
    }

    /**
     * Adds her entry once per form (the form's token is the source id): the same form sent twice, a double
     * click, answers the first entry and attaches nothing more.
     */
    ArchiveEntry add(String teacherId, EntryForm.Checked checked, String token) {
        Optional<ArchiveEntry> sent = addedWith(token, checked.kind());
        if (sent.isPresent()) {
            return sent.get();
        }
        ArchiveEntry entry = entries.saveAndFlush(new ArchiveEntry(teacherId, checked.date(), checked.kind(),
                checked.title(), checked.description(), ArchiveEntry.TEACHER_SOURCE, token, clock.instant()));
        attach(teacherId, entry.getId(), checked.attachmentIds());
        return entry;
    }

    /** Revises her entry as last read ({@code version}); files not listed any more are detached. */
    void revise(String teacherId, Long id, Integer version, EntryForm.Checked checked) {
        ArchiveEntry entry = editable(teacherId, id);
        if (!Objects.equals(entry.getVersion(), version)) {
            throw new Refused("archive.entry.changedMeanwhile");
        }
        entry.revise(checked.date(), checked.kind(), checked.title(), checked.description());
        List<ArchiveFile> current = files.findByEntryIdOrderById(id);
        current.stream().filter(f -> !checked.attachmentIds().contains(f.getAttachmentId())).forEach(files::delete);
        Set<String> had = current.stream().map(ArchiveFile::getAttachmentId).collect(Collectors.toSet());
        attach(teacherId, id, checked.attachmentIds().stream().filter(a -> !had.contains(a)).toList());
        entries.saveAndFlush(entry);
    }

    /** Deletes her entry and its file links (the files stay stored, unreachable); false when it is already gone. */
    boolean delete(String teacherId, Long id) {
        Optional<ArchiveEntry> entry = entries.findById(id);
        if (entry.isEmpty()) {
            return false;
        }
        if (!entry.get().getTeacherId().equals(teacherId)) {
            throw notFound();
        }
        if (!entry.get().isTeacherAdded()) {
            throw new Refused("archive.entry.recorded");
        }
        files.deleteByEntryId(id);
        entries.delete(entry.get());
        entries.flush();
        return true;
    }

    private void attach(String teacherId, Long entryId, List<String> attachmentIds) {
        for (String attachmentId : attachmentIds) {
            if (attachable(teacherId, attachmentId, entryId)) {
                attachments.find(attachmentId).ifPresent(a -> files.save(new ArchiveFile(entryId, a.getId(),
                        a.getFileName())));
            }
        }
        files.flush();
    }
}
