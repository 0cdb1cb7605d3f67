package school.training.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * "23:59 on the day of return" is 23:59 in Beijing, not 23:59 UTC (07:59 the next morning in the school), even
 * on a server installed as UTC, as the tests' JVM is (engine.SchoolTimeZone, training.time-zone).
 */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
class DeadlinesInTheSchoolsZoneTests {

    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theCheckInIsDueAt2359BeijingTimeOnTheDayOfReturn() {
        BpmnAwareTests.init(processEngine);
        LocalDate end = LocalDate.now().plusDays(30);

        ProcessInstance report = new ReportBacks(runtimeService, managementService, identityService)
                .tripEnded("li.na", end.minusDays(2), end);

        assertThat(task(ReportingProcess.RETURN_CHECK_IN, report).getDueDate().toInstant())
                .isEqualTo(OffsetDateTime.of(end, LocalTime.of(23, 59), BEIJING).toInstant());
    }
}
