package school.training.people;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The words a roster cell may use for a role, employment or degree: the Chinese the template lists, the
 * variants people type anyway (组长, 大专, 全职), the enum names and the English values. Anything else is a
 * problem on its row, never a guess.
 */
final class RosterValues {

    private RosterValues() {
    }

    static Optional<Role> role(String text) {
        return switch (normal(text)) {
            case "教师", "老师", "teacher" -> Optional.of(Role.TEACHER);
            case "教研组长", "组长", "group_leader", "group leader", "group-leader", "leader" ->
                Optional.of(Role.GROUP_LEADER);
            case "校长", "principal" -> Optional.of(Role.PRINCIPAL);
            case "办公室", "教务处", "office" -> Optional.of(Role.OFFICE);
            default -> Optional.empty();
        };
    }

    static Optional<Employment> employment(String text) {
        return switch (normal(text)) {
            case "专任", "全职", "专任（全职）", "专任(全职)", "full_time", "full-time", "full time" ->
                Optional.of(Employment.FULL_TIME);
            case "兼职", "外聘", "兼职/外聘", "part_time", "part-time", "part time" -> Optional.of(Employment.PART_TIME);
            default -> Optional.empty();
        };
    }

    static Optional<Degree> degree(String text) {
        return switch (normal(text)) {
            case "中专/高中", "中专", "高中", "中专或高中", "secondary" -> Optional.of(Degree.SECONDARY);
            case "专科", "大专", "college" -> Optional.of(Degree.COLLEGE);
            case "本科", "学士", "bachelor" -> Optional.of(Degree.BACHELOR);
            case "硕士", "研究生", "master" -> Optional.of(Degree.MASTER);
            case "博士", "doctor" -> Optional.of(Degree.DOCTOR);
            default -> Optional.empty();
        };
    }

    /** A teaching group by its Chinese name, its code or its English name. */
    static Optional<TeachingGroup> group(String text, List<TeachingGroup> groups) {
        String wanted = text == null ? "" : text.strip();
        return groups.stream().filter(g -> g.getName().equals(wanted) || g.getId().equalsIgnoreCase(wanted)
                || (g.getNameEn() != null && g.getNameEn().equalsIgnoreCase(wanted))).findFirst();
    }

    private static String normal(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }
}
