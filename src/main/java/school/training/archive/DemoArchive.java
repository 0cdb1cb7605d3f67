package school.training.archive;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import school.training.people.Directory;

/**
 * Seeds the demo school's archives once (a database where any teacher has added an entry is left alone):
 * research projects and award certificates for several teachers, reflections and lesson plans of this term,
 * and 李娜 without papers or awards, so her checklist and 语文组's show what is missing.
 */
@Component
@Profile("demo & !test")
@Order(23)
class DemoArchive implements ApplicationRunner {

    private final ProfessionalArchive archive;
    private final ArchiveEntryRepository entries;
    private final Directory directory;
    private final Clock clock;

    DemoArchive(ProfessionalArchive archive, ArchiveEntryRepository entries, Directory directory, Clock clock) {
        this.archive = archive;
        this.entries = entries;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (entries.existsBySource(ArchiveEntry.TEACHER_SOURCE) || directory.find("li.na").isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate termStart = TermDates.containing(today).from();

        add("li.na", inTerm(today, termStart, 20), ArchiveKind.REFLECTION, "《背影》教学反思",
                "朗读指导占用时间过多，学生自主品读细节的环节被压缩；下次先布置预习单，课堂上留出 15 分钟小组交流。");
        add("li.na", inTerm(today, termStart, 12), ArchiveKind.EXCELLENT_LESSON_PLAN, "《春》第二课时教案（校级优秀教案）",
                "以“读—品—写”为主线，配套课堂练笔与评价量表。");
        add("li.na", today.minusYears(1), ArchiveKind.RESEARCH_PROJECT, "区级课题《初中语文整本书阅读策略研究》（参与）",
                "负责七年级《朝花夕拾》阅读任务单的设计与实施，课题组成员。");

        add("zhou.tao", today.minusYears(2), ArchiveKind.RESEARCH_PROJECT, "市级课题《数学分层作业设计的实践研究》（参与）",
                "承担八年级函数单元分层作业的设计与数据整理。");
        add("zhou.tao", today.minusMonths(14), ArchiveKind.PAPER_OR_AWARD, "县青年教师数学优质课比赛一等奖（获奖证书）",
                "获奖证书原件存教务处，复印件归档。");
        add("zhou.tao", inTerm(today, termStart, 8), ArchiveKind.REFLECTION, "“一次函数的图像”课后反思",
                "学生对 k、b 的几何意义理解不足，下节课用几何画板动态演示补充。");

        add("chen.jing", today.minusYears(1), ArchiveKind.RESEARCH_PROJECT, "区级课题《初中语文整本书阅读策略研究》（主持）",
                "课题主持人，已完成中期报告。");
        add("chen.jing", today.minusMonths(7), ArchiveKind.PAPER_OR_AWARD, "论文《整本书阅读任务群的设计路径》（市级二等奖）",
                "发表于《语文教学通讯》，获市教育学会论文评比二等奖。");
        add("chen.jing", inTerm(today, termStart, 15), ArchiveKind.EXCELLENT_LESSON_PLAN, "《藤野先生》教案（示范课）",
                "组内示范课教案，附课后研讨记录。");
        add("chen.jing", inTerm(today, termStart, 14), ArchiveKind.REFLECTION, "示范课《藤野先生》教学反思",
                "问题链设计偏密，留白不够；研讨后调整为三个主问题。");

        add("sun.wei", today.minusMonths(10), ArchiveKind.PAPER_OR_AWARD, "论文《初中数学分层作业的实践与思考》（县级一等奖）",
                "县教研室论文评比一等奖。");
    }

    /** A day this many days ago, but not before the term began (the demo can start on its first day). */
    private static LocalDate inTerm(LocalDate today, LocalDate termStart, int daysAgo) {
        LocalDate day = today.minusDays(daysAgo);
        return day.isBefore(termStart) ? termStart : day;
    }

    private void add(String teacher, LocalDate date, ArchiveKind kind, String title, String summary) {
        if (directory.find(teacher).isPresent()) {
            archive.record(teacher, date, kind, title, summary, ArchiveEntry.TEACHER_SOURCE,
                    "demo-" + teacher + "-" + kind + "-" + date);
        }
    }
}
