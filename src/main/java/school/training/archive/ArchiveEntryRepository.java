package school.training.archive;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ArchiveEntryRepository extends JpaRepository<ArchiveEntry, Long> {

    Optional<ArchiveEntry> findBySourceAndSourceIdAndKind(String source, String sourceId, ArchiveKind kind);

    List<ArchiveEntry> findByTeacherIdOrderByDateDescIdDesc(String teacherId);

    boolean existsBySource(String source);

    List<ArchiveEntry> findByTeacherIdInAndDateBetween(Collection<String> teacherIds, LocalDate from, LocalDate to);

    /** The latest date of each kind a teacher has, counting entries dated on or before {@code to}. */
    interface LatestOfKind {
        String getTeacherId();

        ArchiveKind getKind();

        LocalDate getLatest();
    }

    /**
     * One grouped query for any number of teachers: at most one row per teacher and kind. The latest date up
     * to {@code to} answers both kinds of checklist item: any row means "some entry, ever" and a latest date
     * on or after the term's first day means "an entry in the term" (ix_archive_entry_teacher covers it).
     */
    @Query("""
            select e.teacherId as teacherId, e.kind as kind, max(e.date) as latest from ArchiveEntry e
            where e.teacherId in :teachers and e.kind in :kinds and e.date <= :to
            group by e.teacherId, e.kind""")
    List<LatestOfKind> latestOfKinds(@Param("teachers") Collection<String> teachers,
            @Param("kinds") Collection<ArchiveKind> kinds, @Param("to") LocalDate to);
}
