package school.training.recognition;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface HoursImportBatchRepository extends JpaRepository<HoursImportBatch, Long> {
}

interface HoursImportRowRepository extends JpaRepository<HoursImportRow, Long> {

    List<HoursImportRow> findByBatchIdOrderByLine(Long batchId);

    Page<HoursImportRow> findByBatchIdOrderByLine(Long batchId, Pageable page);

    Page<HoursImportRow> findByBatchIdAndTeacherIdOrderByLine(Long batchId, String teacherId, Pageable page);

    Page<HoursImportRow> findByBatchIdAndProblemIsNotNullOrderByLine(Long batchId, Pageable page);

    /** The confirmed batch that credited this row (the first, if the same row came in again later). */
    @Query("""
            select min(r.batchId) from HoursImportRow r, HoursImportBatch b where r.batchId = b.id
            and b.confirmedAt is not null and r.sourceId = :sourceId and r.importedBefore = false""")
    Long creditingBatch(@Param("sourceId") String sourceId);
}
