package school.training.ledger;

/** The kinds of training DOMAIN.md counts; pages name them with the message {@code ledger.category.<NAME>}. */
public enum Category {
    /** 集中培训 */
    CENTRALIZED,
    /** 网络培训 */
    ONLINE,
    /** 校本研修 */
    SCHOOL_BASED,
    /** 外出学习 */
    OUTSIDE_STUDY,
    /** 企业实践 */
    ENTERPRISE_PLACEMENT,
    /** 学历进修 */
    DEGREE_STUDY,
    /** 教育技术 (教育技术应用能力培训, seed 000 §六1(2): 60 hours a year) */
    EDUCATION_TECHNOLOGY
}
