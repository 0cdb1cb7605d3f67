package school.training.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import school.training.attachments.Attachment;
import school.training.attachments.Attachments;
import school.training.tasklist.WebFixtures;

/**
 * {@code training.uploads.store=database}: an upload made through the request form lands in the table
 * {@code attachment_content} (a {@code blob} on H2, a {@code bytea} on PostgreSQL), not in the uploads directory,
 * and reads back byte for byte — through {@link Attachments} and as a download. Runs on PostgreSQL too
 * ({@code -Ppostgres}).
 */
@SpringBootTest(properties = "training.uploads.store=database")
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class UploadsInTheDatabaseTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    Attachments attachments;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${training.uploads.dir}")
    Path uploadsDirectory;

    @Test
    void anUploadIsKeptInTheDatabaseAndOpensByteForByte() throws Exception {
        WebFixtures web = new WebFixtures(identityService);
        byte[] content = new byte[3 * 1024 * 1024 + 7]; // a scanned invitation, with every byte value in it
        new Random(13).nextBytes(content);
        MockMultipartFile scan = new MockMultipartFile("invitation", "邀请函扫描件.pdf", "application/pdf", content);

        MvcResult started = mvc.perform(WebFixtures.startForm(WebFixtures.validFields(), scan).with(web.as("li.na")))
                .andReturn();

        assertThat(started.getResponse().getStatus()).as(started.getResponse().getContentAsString()).isEqualTo(302);
        String request = started.getResponse().getRedirectedUrl().substring("/requests/".length());
        String id = (String) runtimeService.getVariable(request, "invitation");
        assertThat(jdbc.queryForObject("select count(*) from attachment_content where id = ?", Integer.class, id))
                .isEqualTo(1);
        assertThat(Files.exists(uploadsDirectory.resolve(id))).as("nothing in the uploads directory").isFalse();
        Attachment attachment = attachments.find(id).orElseThrow();
        try (InputStream in = attachments.open(attachment)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        byte[] downloaded = mvc.perform(get("/attachments/" + id).with(web.as("li.na"))).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(downloaded).isEqualTo(content);
    }
}
