package school.training.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LedgerEntryRepository extends JpaRepository<LedgerEntry, Long> {

    Optional<LedgerEntry> findBySourceAndSourceIdAndTeacherId(String source, String sourceId, String teacherId);

    List<LedgerEntry> findByTeacherIdOrderByDateDescIdDesc(String teacherId);

    /** Null when nothing matches. */
    @Query("""
            select sum(e.hours) from LedgerEntry e where e.teacherId = :teacherId
            and e.date between :from and :to and e.category in :categories""")
    BigDecimal sumHours(@Param("teacherId") String teacherId, @Param("from") LocalDate from,
            @Param("to") LocalDate to, @Param("categories") Collection<Category> categories);

    @Query("""
            select e.teacherId, sum(e.hours) from LedgerEntry e where e.teacherId in :teacherIds and e.date between :from and :to
            and e.category in :categories group by e.teacherId""")
    /** Rows of (teacherId, hours). */
    List<Object[]> sumHoursByTeacher(@Param("teacherIds") Collection<String> teacherIds,
            @Param("from") LocalDate from, @Param("to") LocalDate to,
            @Param("categories") Collection<Category> categories);
}
