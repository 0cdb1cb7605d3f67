package school.training.lessonplans;

import java.time.YearMonth;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo school's monthly plans once (a database with any plan is left alone), for the teaching months of
 * the current term before this one: 李娜 (语文组) has her first month accepted, one returned by 陈静 with a comment
 * and the latest waiting for 陈静; 周涛 (数学组) has every month accepted but the last, which is missing; 陈静's own
 * plans are checked by the principal, her latest waiting. The other teachers of both groups have most months
 * accepted, a few missing and some latest plans waiting; the current month is left for everyone to hand in.
 */
@Component
@Profile("demo & !test")
@Order(23)
class DemoLessonPlans implements ApplicationRunner {

    private static final Viewer PRINCIPAL = new Viewer("liu.hua", false, true);

    private final MonthlyPlans plans;
    private final MonthlyLessonPlanRepository repository;

    DemoLessonPlans(MonthlyPlans plans, MonthlyLessonPlanRepository repository) {
        this.plans = plans;
        this.repository = repository;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (repository.count() > 0 || plans.groupOfTeacher("li.na").isEmpty()) {
            return;
        }
        YearMonth now = YearMonth.from(plans.today());
        List<YearMonth> past = plans.teachingMonths(plans.currentTerm()).stream().filter(m -> m.isBefore(now)).toList();
        Viewer liNa = new Viewer("li.na", false, false);
        Viewer zhouTao = new Viewer("zhou.tao", false, false);
        Viewer chenJing = new Viewer("chen.jing", false, false);
        Viewer sunWei = new Viewer("sun.wei", false, false);
        String[] chinese = { "《背影》第一课时教学设计", "《春》朗读与品析", "《济南的冬天》比较阅读", "议论文写作：如何提出论点" };
        String[] math = { "一元一次方程的应用（行程问题）", "全等三角形的判定", "轴对称与图形设计", "分式方程的解法" };
        for (int i = 0; i < past.size(); i++) {
            YearMonth month = past.get(i);
            boolean last = i == past.size() - 1;
            // 李娜: accepted, then returned (the second-to-last month), the last waiting for her leader
            hand(liNa, month, chinese[i % chinese.length]);
            if (last) {
                // waits for 陈静
            } else if (i == past.size() - 2) {
                plans.giveBack(chenJing, id(liNa, month), null, "教学目标写得太笼统，请按新课标写出可检测的目标，并补充课后反思。",
                        plans.today().plusDays(plans.settings().redoDays()).toString());
            } else {
                plans.accept(chenJing, id(liNa, month), null);
            }
            // 周涛: accepted by 孙伟, nothing for the last month (missing)
            if (!last) {
                hand(zhouTao, month, math[i % math.length]);
                plans.accept(sunWei, id(zhouTao, month), null);
            }
            // 陈静 (a leader): checked by the principal, the last one waiting
            hand(chenJing, month, "组内示范课：" + chinese[(i + 1) % chinese.length]);
            if (!last) {
                plans.accept(PRINCIPAL, id(chenJing, month), null);
            }
            // 孙伟 (a leader): checked by the principal
            hand(sunWei, month, "组内示范课：" + math[(i + 1) % math.length]);
            plans.accept(PRINCIPAL, id(sunWei, month), null);
        }
        List<String> named = List.of(liNa.id(), zhouTao.id(), chenJing.id(), sunWei.id());
        for (String groupId : List.of("chinese", "math")) {
            String[] titles = groupId.equals("chinese") ? chinese : math;
            Viewer leader = groupId.equals("chinese") ? chenJing : sunWei;
            List<String> others = plans.activeMembers(groupId).stream().map(p -> p.getId())
                    .filter(id -> !named.contains(id)).toList();
            for (int j = 0; j < others.size(); j++) {
                Viewer teacher = new Viewer(others.get(j), false, false);
                for (int i = 0; i < past.size(); i++) {
                    if ((i + j) % 5 == 4) {
                        continue; // a month missed now and then
                    }
                    hand(teacher, past.get(i), titles[(i + j) % titles.length]);
                    if (i < past.size() - 1 || j % 3 != 0) {
                        plans.accept(leader, id(teacher, past.get(i)), null);
                    }
                }
            }
        }
    }

    private void hand(Viewer teacher, YearMonth month, String title) {
        plans.submit(teacher, new MonthlyPlans.Draft(month.toString(), title,
                "一、教学目标\n1. 理解课文内容，把握作者情感。\n2. 学习抓住细节描写人物的方法。\n\n二、教学重难点\n"
                        + "体会朴实语言中蕴含的深情。\n\n三、教学过程\n1. 导入（5 分钟）\n2. 初读感知（10 分钟）\n"
                        + "3. 细读品析（20 分钟）\n4. 拓展写作（10 分钟）",
                "学生对细节描写的体会比预想的好；小组讨论时间偏短，下次把朗读环节压缩到 5 分钟。", List.of()));
    }

    private Long id(Viewer teacher, YearMonth month) {
        return plans.planOf(teacher.id(), month).orElseThrow().getId();
    }
}
