package school.training.observations;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import school.training.ledger.Term;
import school.training.people.Directory;
import school.training.people.Person;
import school.training.people.StaffDetails;

/**
 * Seeds the demo school's observations of the current term once (a database with any is left alone), so the
 * term review has different numbers to read: in each whole week so far 李娜 2 (below her 3), 周涛 4 (above), the
 * leaders and the principal around their 3, and 董磊 — made the dean (教导主任, 6 a week) — 5. No notifications:
 * a term of "someone observed your lesson" at once would bury everything else.
 */
@Component
@Profile("demo & !test")
@Order(24)
class DemoObservations implements ApplicationRunner {

    private static final String[] CLASSES = { "七年级一班", "七年级三班", "八年级二班", "八年级四班", "九年级一班", "九年级二班" };
    private static final String[] NOTES = {
            "导入自然，由生活情境引出课题；板书条理清楚，重点突出。学生小组讨论积极，但部分学生参与较少。",
            "教学目标明确，问题设计有梯度；课堂节奏前松后紧，练习环节时间不足。",
            "朗读指导细致，注重学生表达；多媒体使用恰当，课堂气氛活跃。",
            "讲练结合，例题典型；个别学生注意力不集中，教师巡视时关注不够。" };
    private static final String[] SUGGESTIONS = {
            "小组讨论前明确分工，让每个学生都有任务；讨论后请不同层次的学生汇报。",
            "压缩导入时间，把练习留足 10 分钟，当堂检测目标达成情况。",
            "提问后多给学生思考时间，追问\"为什么\"，引导学生说出思路。",
            "课堂小结可以让学生自己归纳，教师补充；作业分层布置。" };

    private final LessonObservationRepository observations;
    private final ObservationRecords records;
    private final Directory directory;
    private final Clock clock;

    DemoObservations(LessonObservationRepository observations, ObservationRecords records, Directory directory,
            Clock clock) {
        this.observations = observations;
        this.records = records;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (observations.count() > 0 || directory.find("li.na").isEmpty() || directory.find("dong.lei").isEmpty()) {
            return;
        }
        Person dean = directory.get("dong.lei");
        if (dean.getPost() == null) {
            directory.update(new StaffDetails(dean.getId(), dean.getName(), dean.getRole(),
                    dean.getTeachingGroup().getId(), dean.getSubject(), dean.getTitle(), dean.getEmployment(),
                    dean.getDegree(), dean.getEmail(), dean.getPhone(), "教导主任"), Directory.SYSTEM);
        }
        Map<String, Integer> perWeek = new LinkedHashMap<>();
        perWeek.put("li.na", 2);
        perWeek.put("zhou.tao", 4);
        perWeek.put("chen.jing", 4);
        perWeek.put("sun.wei", 3);
        perWeek.put("liu.hua", 4);
        perWeek.put("dong.lei", 5);
        perWeek.put("cai.xinyi", 3);
        perWeek.put("yu.haiyan", 1);
        LocalDate today = LocalDate.now(clock);
        Term term = Term.containing(today);
        int n = 0;
        for (Map.Entry<String, Integer> observer : perWeek.entrySet()) {
            Person person = directory.find(observer.getKey()).orElse(null);
            if (person == null) {
                continue;
            }
            List<Person> colleagues = colleagues(person);
            // the Monday of each whole week taught so far: lessons on Tuesday, Wednesday, Thursday, …
            for (LocalDate monday = term.start().with(DayOfWeek.MONDAY).plusWeeks(1); !monday.plusDays(6).isAfter(today);
                    monday = monday.plusWeeks(1)) {
                if (monday.getMonthValue() == 7 || monday.getMonthValue() == 8) {
                    continue;
                }
                for (int lesson = 0; lesson < observer.getValue(); lesson++, n++) {
                    Person observed = colleagues.get(n % colleagues.size());
                    ObservationForm.Checked checked = new ObservationForm.Checked(monday.plusDays(1 + lesson % 4),
                            CLASSES[n % CLASSES.length], observed.getSubject() == null ? "语文" : observed.getSubject(),
                            observed.getId(), null, null, NOTES[n % NOTES.length], SUGGESTIONS[n % SUGGESTIONS.length]);
                    LessonObservation saved = observations.save(new LessonObservation(person.getId(), checked,
                            clock.instant(), null));
                    records.recordInArchive(saved);
                }
            }
        }
    }

    /** Whose lessons they observe: their own group's teachers, or (the principal) the two demo groups'. */
    private List<Person> colleagues(Person person) {
        List<Person> colleagues = new ArrayList<>();
        List<String> groups = person.getTeachingGroup() == null ? List.of("chinese", "math")
                : List.of(person.getTeachingGroup().getId());
        for (String group : groups) {
            directory.membersOf(group).stream().filter(Person::isActive).filter(p -> !p.getId().equals(person.getId()))
                    .forEach(colleagues::add);
        }
        return colleagues;
    }
}
