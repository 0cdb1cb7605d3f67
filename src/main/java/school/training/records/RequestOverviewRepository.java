package school.training.records;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RequestOverviewRepository extends JpaRepository<RequestOverview, String>,
        JpaSpecificationExecutor<RequestOverview> {

    Page<RequestOverview> findByApplicant(String applicant, Pageable page);

    /*
     * The dashboard's lists as a page of ids, then the page's rows by id (RequestOverviews): sorting thousands of
     * waiting requests by an indexed column reads only the index, where sorting whole rows reads every row; and
     * count(*), which H2 answers from the index, where count(r) reads each row.
     */

    String WAITING_IN = """
            from RequestOverview r where r.processKey = :key and r.state = school.training.records.RequestOverview.State.RUNNING
              and r.step in :steps and (:group is null or r.teachingGroupId = :group)
              and (cast(:dueFrom as LocalDateTime) is null or r.due >= :dueFrom)
              and (cast(:dueBefore as LocalDateTime) is null or r.due < :dueBefore)""";

    @Query(value = "select r.processInstanceId " + WAITING_IN, countQuery = "select count(*) " + WAITING_IN)
    Page<String> waitingIn(@Param("key") String processKey, @Param("steps") Collection<String> steps,
            @Param("group") String group, @Param("dueFrom") LocalDateTime dueFrom,
            @Param("dueBefore") LocalDateTime dueBefore, Pageable page);

    /** As {@link #waitingIn}, without counting (the caller has counted). */
    @Query("select r.processInstanceId " + WAITING_IN)
    List<String> waitingInUncounted(@Param("key") String processKey, @Param("steps") Collection<String> steps,
            @Param("group") String group, @Param("dueFrom") LocalDateTime dueFrom,
            @Param("dueBefore") LocalDateTime dueBefore, Pageable page);

    /** Trips are found by their start, within {@code firstStart}..{@code lastStart} (an index on the start date). */
    String TRIPS_IN = """
            from RequestOverview r where r.processKey = :key
              and ((r.state = school.training.records.RequestOverview.State.RUNNING and r.step = :step)
                or (r.state = school.training.records.RequestOverview.State.COMPLETED and r.endActivityId = :ended))
              and (:group is null or r.teachingGroupId = :group)
              and r.startDate >= :firstStart and r.startDate <= :lastStart
              and r.endDate >= :firstEnd and r.endDate <= :lastEnd""";

    @Query(value = "select r.processInstanceId " + TRIPS_IN, countQuery = "select count(*) " + TRIPS_IN)
    Page<String> tripsIn(@Param("key") String processKey, @Param("step") String step,
            @Param("ended") String endedAt, @Param("group") String group, @Param("firstStart") LocalDate firstStart,
            @Param("lastStart") LocalDate lastStart, @Param("firstEnd") LocalDate firstEnd,
            @Param("lastEnd") LocalDate lastEnd, Pageable page);

    /**
     * How long the running requests waiting in {@code steps} have waited, in four bands, by one aggregate
     * query (no rows loaded): under a day, 1–2 days, 3–7 days, more than 7 whole days; and all of them.
     */
    @Query("""
            select new school.training.records.WaitingByAge(
                count(case when r.waitingSince > :oneDayAgo then 1 end),
                count(case when r.waitingSince <= :oneDayAgo and r.waitingSince > :threeDaysAgo then 1 end),
                count(case when r.waitingSince <= :threeDaysAgo and r.waitingSince > :eightDaysAgo then 1 end),
                count(case when r.waitingSince <= :eightDaysAgo then 1 end),
                count(*))
            from RequestOverview r where r.processKey = :key and r.state = school.training.records.RequestOverview.State.RUNNING
              and r.step in :steps and (:group is null or r.teachingGroupId = :group)""")
    WaitingByAge waitingByAge(@Param("key") String processKey, @Param("steps") Collection<String> steps,
            @Param("group") String group, @Param("oneDayAgo") java.time.Instant oneDayAgo,
            @Param("threeDaysAgo") java.time.Instant threeDaysAgo,
            @Param("eightDaysAgo") java.time.Instant eightDaysAgo);

    /**
     * These requests, by id. Declared rather than {@code findAllById}, which Spring Data builds as a criteria
     * query that Hibernate translates anew on every call (a fifth of the office dashboard's time).
     */
    @Query("select r from RequestOverview r where r.processInstanceId in :ids")
    List<RequestOverview> byIds(@Param("ids") Collection<String> processInstanceIds);

    /** Two columns of each request, not the whole row: an inbox page shows only these. */
    @Query("""
            select new school.training.records.RequestLabel(r.processInstanceId, r.title, r.applicantName)
            from RequestOverview r where r.processInstanceId in :ids""")
    List<RequestLabel> labelsOf(@Param("ids") Collection<String> processInstanceIds);

    @Query("select max(r.startedAt) from RequestOverview r")
    java.time.Instant latestStart();
}
