package school.training.archive;

/** What an archive entry records; pages name it with the message {@code ledger.archive.kind.<NAME>}. */
public enum ArchiveKind {
    /** 外出学习 and its report */
    OUTSIDE_STUDY,
    /** 学历提升 */
    DEGREE,
    /** 学期考核 result */
    TERM_REVIEW,
    /** 个人反思 (教学反思, reflections) */
    REFLECTION,
    /** 听课记录 */
    OBSERVATION_RECORD,
    /** 优秀教案 (an accepted monthly lesson plan, or one the teacher adds) */
    EXCELLENT_LESSON_PLAN,
    /** 参与课题研究情况 */
    RESEARCH_PROJECT,
    /** 论文、获奖证书 */
    PAPER_OR_AWARD
}
