package school.training.archive;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ArchiveFileRepository extends JpaRepository<ArchiveFile, Long> {

    List<ArchiveFile> findByEntryIdInOrderById(Collection<Long> entryIds);

    List<ArchiveFile> findByEntryIdOrderById(Long entryId);

    Optional<ArchiveFile> findByAttachmentId(String attachmentId);

    void deleteByEntryId(Long entryId);
}
