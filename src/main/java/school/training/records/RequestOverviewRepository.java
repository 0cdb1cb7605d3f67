package school.training.records;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RequestOverviewRepository extends JpaRepository<RequestOverview, String>,
        JpaSpecificationExecutor<RequestOverview> {

    Page<RequestOverview> findByApplicant(String applicant, Pageable page);

    @Query("""
            select r from RequestOverview r where r.processKey = :key and r.state = school.training.records.RequestOverview.State.RUNNING
              and r.step in :steps and (:group is null or r.teachingGroupId = :group)
              and (cast(:dueFrom as LocalDateTime) is null or r.due >= :dueFrom)
              and (cast(:dueBefore as LocalDateTime) is null or r.due < :dueBefore)""")
    Page<RequestOverview> waitingIn(@Param("key") String processKey, @Param("steps") Collection<String> steps,
            @Param("group") String group, @Param("dueFrom") LocalDateTime dueFrom,
            @Param("dueBefore") LocalDateTime dueBefore, Pageable page);

    @Query("""
            select r from RequestOverview r where r.processKey = :key
              and ((r.state = school.training.records.RequestOverview.State.RUNNING and r.step = :step)
                or (r.state = school.training.records.RequestOverview.State.COMPLETED and r.endActivityId = :ended))
              and (:group is null or r.teachingGroupId = :group)
              and r.startDate <= :lastStart and r.endDate >= :firstEnd and r.endDate <= :lastEnd""")
    Page<RequestOverview> tripsIn(@Param("key") String processKey, @Param("step") String step,
            @Param("ended") String endedAt, @Param("group") String group, @Param("lastStart") LocalDate lastStart,
            @Param("firstEnd") LocalDate firstEnd, @Param("lastEnd") LocalDate lastEnd, Pageable page);

    /**
     * How long the running requests waiting in {@code steps} have waited, in four bands, by one aggregate
     * query (no rows loaded): under a day, 1–2 days, 3–7 days, more than 7 whole days.
     */
    @Query("""
            select new school.training.records.WaitingByAge(
                count(case when r.waitingSince > :oneDayAgo then 1 end),
                count(case when r.waitingSince <= :oneDayAgo and r.waitingSince > :threeDaysAgo then 1 end),
                count(case when r.waitingSince <= :threeDaysAgo and r.waitingSince > :eightDaysAgo then 1 end),
                count(case when r.waitingSince <= :eightDaysAgo then 1 end))
            from RequestOverview r where r.processKey = :key and r.state = school.training.records.RequestOverview.State.RUNNING
              and r.step in :steps and (:group is null or r.teachingGroupId = :group)""")
    WaitingByAge waitingByAge(@Param("key") String processKey, @Param("steps") Collection<String> steps,
            @Param("group") String group, @Param("oneDayAgo") java.time.Instant oneDayAgo,
            @Param("threeDaysAgo") java.time.Instant threeDaysAgo,
            @Param("eightDaysAgo") java.time.Instant eightDaysAgo);

    @Query("select max(r.startedAt) from RequestOverview r")
    java.time.Instant latestStart();
}
