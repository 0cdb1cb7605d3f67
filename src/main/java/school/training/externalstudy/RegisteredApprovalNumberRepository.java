package school.training.externalstudy;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RegisteredApprovalNumberRepository extends JpaRepository<RegisteredApprovalNumber, Long> {

    Optional<RegisteredApprovalNumber> findByNumber(String number);

    /** The highest sequence given in this year, null when none. */
    @Query("select max(r.sequence) from RegisteredApprovalNumber r where r.year = :year")
    Integer highestSequence(@Param("year") int year);

}
