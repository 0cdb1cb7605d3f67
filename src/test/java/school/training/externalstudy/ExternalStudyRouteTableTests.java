package school.training.externalstudy;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The deployed routing table {@code externalStudyRoute}: when the principal must approve after the leader. */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
class ExternalStudyRouteTableTests {

    @Autowired
    DecisionService decisionService;

    @Test
    void smallLocalTripNeedsOnlyTheLeader() {
        // given / when / then
        assertThat(principalRequired(small())).isFalse();
    }

    @Test
    void threeDaysIsStillShortFourDaysIsLong() {
        // given
        VariableMap threeDays = small().putValue("tripDays", 3);
        VariableMap fourDays = small().putValue("tripDays", 4);

        // when / then
        assertThat(principalRequired(threeDays)).isFalse();
        assertThat(principalRequired(fourDays)).isTrue();
    }

    @Test
    void budgetAboveTwoThousandYuan() {
        // given
        VariableMap exactly2000 = small().putValue("budgetTotal", 2000.00);
        VariableMap aFenMore = small().putValue("budgetTotal", 2000.01);

        // when / then
        assertThat(principalRequired(exactly2000)).isFalse();
        assertThat(principalRequired(aFenMore)).isTrue();
    }

    @Test
    void outOfTheProvince() {
        // given
        VariableMap outOfProvince = small().putValue("outOfProvince", true);

        // when / then
        assertThat(principalRequired(outOfProvince)).isTrue();
    }

    @Test
    void nationalButNotProvincialLevel() {
        // given
        VariableMap national = small().putValue("level", "national");
        VariableMap provincial = small().putValue("level", "provincial");

        // when / then
        assertThat(principalRequired(national)).isTrue();
        assertThat(principalRequired(provincial)).isFalse();
    }

    private static VariableMap small() {
        return Variables.createVariables().putValue("tripDays", 1).putValue("budgetTotal", 300.0)
                .putValue("outOfProvince", false).putValue("level", "municipal");
    }

    private Boolean principalRequired(VariableMap variables) {
        var result = decisionService.evaluateDecisionTableByKey("externalStudyRoute", variables);
        assertThat(result).hasSize(1);
        return result.getSingleResult().getEntry("principalRequired");
    }
}
