package school.training.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import school.training.archive.ArchiveKind;
import school.training.archive.ProfessionalArchive;

/** A teacher reads their own ledger; their group leader, the principal and the office may too; nobody else. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class LedgerControllerTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TrainingLedger ledger;
    @Autowired
    ProfessionalArchive archive;
    @Autowired
    Clock clock;

    String tripTitle;

    @BeforeEach
    void liNaHasATripCreditedAndArchived() {
        String trip = UUID.randomUUID().toString();
        tripTitle = "市级语文教研活动观摩 " + trip.substring(0, 8);
        LocalDate today = LocalDate.now(clock);
        ledger.credit("li.na", today, Category.OUTSIDE_STUDY, new BigDecimal("12"), tripTitle, "postStudyReport", trip);
        archive.record("li.na", today, ArchiveKind.OUTSIDE_STUDY, tripTitle, "学到了新课标下的阅读教学方法。",
                "postStudyReport", trip);
    }

    @Test
    void teacherSeesHerHoursRulesAndArchive() throws Exception {
        String page = mvc.perform(get("/ledger").with(as("li.na", "teachers"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();

        assertThat(page).contains("我的学时与业务档案").contains(tripTitle).contains("外出学习").contains("外出学习汇报")
                .contains("每学期校本研修不少于 15 学时").contains("五年累计不少于 240 学时").contains("<progress")
                .contains("业务档案").contains("学到了新课标下的阅读教学方法。")
                .contains(Term.containing(LocalDate.now(clock)).label(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void pageSpeaksEnglishToo() throws Exception {
        String page = mvc.perform(get("/ledger").param("lang", "en").with(as("li.na", "teachers")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("My training hours and archive").contains("Outside study")
                .contains("At least 240 hours in five years").contains("Professional archive");
    }

    @Test
    void teacherOpensHerOwnLedgerByIdButNotAColleagues() throws Exception {
        mvc.perform(get("/ledger/li.na").with(as("li.na", "teachers"))).andExpect(status().isOk());
        mvc.perform(get("/ledger/li.na").with(as("zhou.tao", "teachers"))).andExpect(status().isNotFound());
    }

    @Test
    void herGroupLeaderOpensHerLedgerButAnotherGroupsLeaderDoesNot() throws Exception {
        String page = mvc.perform(get("/ledger/li.na").with(as("chen.jing", "teachers", "group-leaders")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("李娜的学时与业务档案").contains(tripTitle);

        String refused = mvc.perform(get("/ledger/li.na").with(as("sun.wei", "teachers", "group-leaders")))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(refused).doesNotContain(tripTitle);
    }

    @Test
    void principalAndOfficeOpenAnyonesLedgerOfSomeoneWhoExists() throws Exception {
        mvc.perform(get("/ledger/li.na").with(as("zhao.min", "office"))).andExpect(status().isOk());
        mvc.perform(get("/ledger/li.na").with(as("liu.hua", "principal"))).andExpect(status().isOk());
        mvc.perform(get("/ledger/zhou.tao").with(as("zhao.min", "office"))).andExpect(status().isOk());
        mvc.perform(get("/ledger/nobody.here").with(as("zhao.min", "office"))).andExpect(status().isNotFound());
    }

    @Test
    void anonymousVisitorIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/ledger")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
    }

    private static RequestPostProcessor as(String userId, String... groups) {
        SimpleGrantedAuthority[] authorities = new SimpleGrantedAuthority[groups.length];
        for (int i = 0; i < groups.length; i++) {
            authorities[i] = new SimpleGrantedAuthority("GROUP_" + groups[i]);
        }
        return user(userId).authorities(authorities);
    }
}
