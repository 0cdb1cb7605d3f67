package school.training.archive;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ArchiveEntryRepository extends JpaRepository<ArchiveEntry, Long> {

    Optional<ArchiveEntry> findBySourceAndSourceIdAndKind(String source, String sourceId, ArchiveKind kind);

    List<ArchiveEntry> findByTeacherIdOrderByDateDescIdDesc(String teacherId);
}
