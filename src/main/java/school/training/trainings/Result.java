package school.training.trainings;

/** 优秀 / 合格 / 不合格: a participant's assessment at the end of a project. */
public enum Result {
    EXCELLENT, PASS, FAIL
}
