package school.training.people;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo school of DOMAIN.md (demo profile only): six named people plus 40 teachers in six
 * teaching groups, all with password {@code demo}. Runs once: a database that already has people
 * is left as it is, so demo data survives restarts.
 */
@Component
@Profile("demo")
@Order(10)
class DemoSchool implements ApplicationRunner {

    static final String PASSWORD = "demo";

    private record Teacher(String id, String name, String group, String subject, boolean leads) {
    }

    private static final List<Teacher> MORE_TEACHERS = List.of(
            new Teacher("dong.lei", "董磊", "chinese", "语文", false),
            new Teacher("cai.xinyi", "蔡欣怡", "chinese", "语文", false),
            new Teacher("cai.min", "蔡敏", "chinese", "语文", false),
            new Teacher("ma.shuzhen", "马淑珍", "chinese", "语文", false),
            new Teacher("guo.wenbo", "郭文博", "chinese", "语文", false),
            new Teacher("wei.chenxi", "魏晨曦", "chinese", "语文", false),
            new Teacher("lv.hongxia", "吕红霞", "chinese", "语文", false),
            new Teacher("yu.haiyan", "余海燕", "math", "数学", false),
            new Teacher("yang.xinyi", "杨欣怡", "math", "数学", false),
            new Teacher("wei.jianguo", "魏建国", "math", "数学", false),
            new Teacher("han.shuzhen", "韩淑珍", "math", "数学", false),
            new Teacher("yu.jingyi", "余静怡", "math", "数学", false),
            new Teacher("jiang.xiaoyan", "蒋晓燕", "math", "数学", false),
            new Teacher("yuan.jiaqi", "袁佳琪", "math", "数学", false),
            new Teacher("ye.wenbo", "叶文博", "english", "英语", true),
            new Teacher("han.jingyi", "韩静怡", "english", "英语", false),
            new Teacher("zhang.haiyan", "张海燕", "english", "英语", false),
            new Teacher("zeng.xuemei", "曾雪梅", "english", "英语", false),
            new Teacher("peng.haiyan", "彭海燕", "english", "英语", false),
            new Teacher("wang.haoran", "王浩然", "english", "英语", false),
            new Teacher("huang.min", "黄敏", "english", "英语", false),
            new Teacher("zeng.yuhan", "曾雨涵", "science", "物理", true),
            new Teacher("cheng.xinyi", "程欣怡", "science", "生物", false),
            new Teacher("song.junjie", "宋俊杰", "science", "物理", false),
            new Teacher("xu.junjie", "许俊杰", "science", "物理", false),
            new Teacher("xiao.guoqing", "肖国庆", "science", "物理", false),
            new Teacher("liang.xuemei", "梁雪梅", "science", "物理", false),
            new Teacher("huang.lei", "黄磊", "science", "化学", false),
            new Teacher("gao.xinyi", "高欣怡", "humanities", "地理", true),
            new Teacher("hu.yuhan", "胡雨涵", "humanities", "政治", false),
            new Teacher("peng.guoqing", "彭国庆", "humanities", "地理", false),
            new Teacher("xiao.haoran", "肖浩然", "humanities", "历史", false),
            new Teacher("song.xiuying", "宋秀英", "humanities", "历史", false),
            new Teacher("luo.zixuan", "罗子轩", "humanities", "地理", false),
            new Teacher("wei.xuemei", "魏雪梅", "arts", "音乐", true),
            new Teacher("guo.haoran", "郭浩然", "arts", "体育", false),
            new Teacher("xie.xiaoyan", "谢晓燕", "arts", "美术", false),
            new Teacher("feng.minghui", "冯明辉", "arts", "体育", false),
            new Teacher("wu.haiyan", "吴海燕", "arts", "音乐", false),
            new Teacher("luo.yuhang", "罗宇航", "arts", "音乐", false)
    );

    private final Directory directory;

    DemoSchool(Directory directory) {
        this.directory = directory;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (directory.count() > 0) {
            return;
        }
        directory.createTeachingGroup("chinese", "语文组", "Chinese", 1);
        directory.createTeachingGroup("math", "数学组", "Mathematics", 2);
        directory.createTeachingGroup("english", "英语组", "English", 3);
        directory.createTeachingGroup("science", "理综组", "Sciences", 4);
        directory.createTeachingGroup("humanities", "文综组", "Humanities", 5);
        directory.createTeachingGroup("arts", "音体美组", "Arts and PE", 6);

        directory.register("liu.hua", "刘华", Role.PRINCIPAL, null, null, PASSWORD);
        directory.register("zhao.min", "赵敏", Role.OFFICE, null, null, PASSWORD);
        directory.register("chen.jing", "陈静", Role.GROUP_LEADER, "chinese", "语文", PASSWORD);
        directory.register("sun.wei", "孙伟", Role.GROUP_LEADER, "math", "数学", PASSWORD);
        directory.register("li.na", "李娜", Role.TEACHER, "chinese", "语文", PASSWORD);
        directory.register("zhou.tao", "周涛", Role.TEACHER, "math", "数学", PASSWORD);
        for (Teacher t : MORE_TEACHERS) {
            directory.register(t.id(), t.name(), t.leads() ? Role.GROUP_LEADER : Role.TEACHER, t.group(), t.subject(),
                    PASSWORD);
        }
        // degrees like a real county school: mostly bachelor's, a few below, a few master's
        int i = 0;
        for (Person person : directory.everyone()) {
            Degree degree = switch (i++ % 12) {
                case 3, 9 -> Degree.COLLEGE;
                case 6 -> Degree.MASTER;
                default -> Degree.BACHELOR;
            };
            directory.changeDegree(person.getId(), degree);
        }
        directory.changeDegree("zhou.tao", Degree.COLLEGE);
        directory.changeDegree("li.na", Degree.BACHELOR);
        directory.changeDegree("liu.hua", Degree.MASTER);
    }
}
