package school.training.archive;

/** What an archive entry records; pages name it with the message {@code ledger.archive.kind.<NAME>}. */
public enum ArchiveKind {
    /** 外出学习 and its report */
    OUTSIDE_STUDY,
    /** 学历提升 */
    DEGREE,
    /** 学期考核 result */
    TERM_REVIEW
}
