package school.training.research;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import school.training.ledger.Term;
import school.training.people.Directory;
import school.training.people.Person;

/**
 * Seeds the demo school's research activities of the current term once (a database with any is left alone):
 * 语文组 three (below the four required; 李娜 missed one), 数学组 five (周涛 attended four), 英语组 four, so
 * the groups and the teachers differ in the term review.
 */
@Component
@Profile("demo & !test")
@Order(25)
class DemoResearch implements ApplicationRunner {

    private record Planned(String group, String leader, int daysIntoTerm, String theme, String place, String minutes,
            String absent) {
    }

    private static final List<Planned> ACTIVITIES = List.of(
            new Planned("chinese", "chen.jing", 10, "新学期教学计划与课程标准研读", "语文组办公室",
                    "研读新课标“学习任务群”要求，确定本学期各年级教学进度与单元重点；分工编写第一单元导学案。", null),
            new Planned("chinese", "chen.jing", 38, "同课异构：《背影》", "八年级二班、录播教室",
                    "李娜、蔡欣怡分别执教；评课聚焦朗读指导与细节描写赏析。建议：增加学生自主批注时间。", "li.na"),
            new Planned("chinese", "chen.jing", 66, "作文教学专题研讨：如何写出真情实感", "语文组办公室",
                    "交流各班作文批改中的共性问题，确定“片段写作—升格—展示”的训练流程，下月检查落实。", null),
            new Planned("math", "sun.wei", 8, "开学集体备课：函数单元整体设计", "数学组办公室",
                    "确定函数单元的课时安排与分层作业；统一单元检测命题要求。", null),
            new Planned("math", "sun.wei", 29, "公开课研讨：一次函数的图像", "九年级一班",
                    "周涛执教公开课，利用几何画板演示；评课认为探究充分，板书可更简洁。", null),
            new Planned("math", "sun.wei", 50, "期中质量分析", "数学组办公室",
                    "分析各班期中成绩与典型错题，制定培优辅差名单与措施。", "zhou.tao"),
            new Planned("math", "sun.wei", 71, "课题研究：数学作业分层设计", "数学组办公室",
                    "汇报课题阶段进展，收集各年级分层作业样例，整理成册。", null),
            new Planned("math", "sun.wei", 85, "听评课：复习课的有效设计", "八年级四班",
                    "余海燕执教复习课；研讨如何以错题为线索组织复习。", null),
            new Planned("english", "ye.wenbo", 15, "英语听说教学研讨", "英语组办公室",
                    "交流听说课的教学流程，确定每周一次听说训练。", null),
            new Planned("english", "ye.wenbo", 40, "同课异构：Unit 3 阅读课", "七年级三班",
                    "两位教师执教，评课聚焦阅读策略的指导。", null),
            new Planned("english", "ye.wenbo", 60, "期中质量分析", "英语组办公室",
                    "分析期中成绩，制定后半学期词汇与写作训练计划。", null),
            new Planned("english", "ye.wenbo", 80, "英语写作批改方法研讨", "英语组办公室",
                    "交流面批与同伴互评的做法，统一写作评分标准。", null));

    private final ResearchActivityRepository activities;
    private final Directory directory;
    private final Clock clock;

    DemoResearch(ResearchActivityRepository activities, Directory directory, Clock clock) {
        this.activities = activities;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (activities.count() > 0 || directory.find("chen.jing").isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Term term = Term.containing(today);
        for (Planned planned : ACTIVITIES) {
            LocalDate date = term.start().plusDays(planned.daysIntoTerm());
            if (date.isAfter(today) || directory.teachingGroup(planned.group()).isEmpty()) {
                continue;
            }
            Set<String> attendees = new LinkedHashSet<>();
            directory.membersOf(planned.group()).stream().filter(Person::isActive).map(Person::getId)
                    .filter(id -> !id.equals(planned.absent())).forEach(attendees::add);
            ResearchActivity activity = new ResearchActivity(planned.group(), planned.leader(), clock.instant(), null);
            activity.change(new ActivityForm.Checked(planned.theme(), date, planned.place(), planned.minutes(),
                    attendees, new ArrayList<>()));
            activities.save(activity);
        }
    }
}
