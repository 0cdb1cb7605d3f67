package school.training.termreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The grade lines of processes/termreview/termReviewGrade.dmn at their boundaries. */
class TermReviewGradeTableTests {

    static DmnEngine engine;
    static DmnDecision decision;

    @BeforeAll
    static void parse() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream table = new FileInputStream("processes/termreview/termReviewGrade.dmn")) {
            decision = engine.parseDecision("termReviewGrade", table);
        }
    }

    @ParameterizedTest
    @CsvSource({ "0, fail", "59, fail", "59.5, fail", "60, pass", "74, pass", "74.9, pass", "75, good", "89, good",
            "89.5, good", "90, excellent", "100, excellent", "102, excellent" })
    void gradeByTotal(double total, String grade) {
        String result = engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("totalScore", total))
                .getSingleResult().getSingleEntry();
        assertThat(result).isEqualTo(grade);
    }
}
