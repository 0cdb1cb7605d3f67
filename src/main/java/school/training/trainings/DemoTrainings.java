package school.training.trainings;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import school.training.ledger.Category;

/**
 * Seeds the demo school's trainings once (a database with any training is left alone): a two-session
 * 集中培训 for the whole school three weeks ago, taken, assessed (李娜 excellent) and closed, so the hours are
 * in everyone's ledger; and an upcoming 教育技术 training that 语文组's leader planned for her group, so 李娜
 * sees it on her home page.
 */
@Component
@Profile("demo & !test")
@Order(22)
class DemoTrainings implements ApplicationRunner {

    private static final Who OFFICE = new Who("zhao.min", true);
    private static final Who CHINESE_LEADER = new Who("chen.jing", false);

    private final Trainings trainings;
    private final TrainingProjectRepository projects;
    private final Clock clock;

    DemoTrainings(Trainings trainings, TrainingProjectRepository projects, Clock clock) {
        this.trainings = trainings;
        this.projects = projects;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (projects.count() > 0 || trainings.ledGroup(CHINESE_LEADER.id()).isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, String> errors = new HashMap<>();

        Set<String> everyone = trainings.audienceOf(OFFICE, Audience.SCHOOL, List.of(), null, errors);
        TrainingProject done = trainings.plan(OFFICE, new PlanForm.Checked("新课标解读与课堂教学改革专题培训",
                Category.CENTRALIZED, Audience.SCHOOL, List.of(), List.of(
                        new PlanForm.SessionLine(today.minusDays(21), LocalTime.of(14, 0), LocalTime.of(16, 0), "学术报告厅",
                                new BigDecimal("2")),
                        new PlanForm.SessionLine(today.minusDays(20), LocalTime.of(14, 0), LocalTime.of(17, 0), "学术报告厅",
                                new BigDecimal("3"))), everyone), UUID.randomUUID().toString());
        Map<String, String> noReasons = Map.of();
        for (TrainingSession session : done.getSessions()) {
            trainings.takeRoll(OFFICE, done.getId(), session.getId(), Map.of(), noReasons);
        }
        Map<String, Result> results = new HashMap<>();
        everyone.forEach(id -> results.put(id, Result.PASS));
        results.put("li.na", Result.EXCELLENT);
        trainings.recordResults(OFFICE, done.getId(), results);
        trainings.close(OFFICE, done.getId());

        String chinese = trainings.ledGroup(CHINESE_LEADER.id()).orElseThrow().getId();
        Set<String> group = trainings.audienceOf(CHINESE_LEADER, Audience.GROUPS, List.of(chinese), null, errors);
        trainings.plan(CHINESE_LEADER, new PlanForm.Checked("信息技术与语文教学融合（教育技术能力提升）",
                Category.EDUCATION_TECHNOLOGY, Audience.GROUPS, List.of(chinese), List.of(
                        new PlanForm.SessionLine(today.plusDays(3), LocalTime.of(15, 30), LocalTime.of(17, 30), "微机室一",
                                new BigDecimal("2")),
                        new PlanForm.SessionLine(today.plusDays(10), LocalTime.of(15, 30), LocalTime.of(17, 30), "微机室一",
                                new BigDecimal("2"))), group), UUID.randomUUID().toString());
    }
}
