package school.training.deputies;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.query.Param;

interface DeputyshipRepository extends CrudRepository<Deputyship, Long> {

    /** Not cancelled and running on that day; validation keeps it to one per person. */
    @Query("""
            select d from Deputyship d where d.personId = :personId and d.cancelledAt is null
            and d.firstDay <= :day and d.lastDay >= :day order by d.firstDay""")
    List<Deputyship> activeFor(@Param("personId") String personId, @Param("day") LocalDate day);

    /** Not cancelled, any part of the period in [from, to], where the person is away or the deputy. */
    @Query("""
            select d from Deputyship d where (d.personId = :userId or d.deputyId = :userId)
            and d.cancelledAt is null and d.firstDay <= :to and d.lastDay >= :from""")
    List<Deputyship> involvingBetween(@Param("userId") String userId, @Param("from") LocalDate from,
            @Param("to") LocalDate to);

    /** Current and upcoming, not cancelled: what the page lists. */
    @Query("""
            select d from Deputyship d where d.cancelledAt is null and d.lastDay >= :day
            and (:userId is null or d.personId = :userId or d.deputyId = :userId) order by d.firstDay, d.id""")
    List<Deputyship> currentAndUpcoming(@Param("userId") String userId, @Param("day") LocalDate day);

    /** Started, with open tasks to hand over, not yet done. */
    @Query("""
            select d from Deputyship d where d.cancelledAt is null and d.includeExisting = true
            and d.handedOverAt is null and d.firstDay <= :day and d.lastDay >= :day""")
    List<Deputyship> toHandOver(@Param("day") LocalDate day);

    /** Ended before that day (or cancelled) whose held tasks have not gone back yet. */
    @Query("""
            select d from Deputyship d where d.returnedAt is null
            and (d.cancelledAt is not null or d.lastDay < :day)""")
    List<Deputyship> toReturn(@Param("day") LocalDate day);
}
