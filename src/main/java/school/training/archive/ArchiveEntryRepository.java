package school.training.archive;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ArchiveEntryRepository extends JpaRepository<ArchiveEntry, Long> {

    Optional<ArchiveEntry> findBySourceAndSourceIdAndKind(String source, String sourceId, ArchiveKind kind);

    List<ArchiveEntry> findByTeacherIdOrderByDateDescIdDesc(String teacherId);

    List<ArchiveEntry> findByTeacherIdInAndDateBetween(Collection<String> teacherIds, LocalDate from, LocalDate to);
}
