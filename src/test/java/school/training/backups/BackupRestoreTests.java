package school.training.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import school.training.PostgresTestDatabase;
import school.training.TrainingApprovalsApplication;
import school.training.attachments.Attachment;
import school.training.attachments.Attachments;
import school.training.ledger.Category;
import school.training.ledger.LedgerEntry;
import school.training.ledger.TrainingLedger;
import school.training.tasklist.RequestSummary;
import school.training.tasklist.Requests;
import school.training.tasklist.WebFixtures;

/**
 * A backup taken from the running app over {@code /actuator/backup} restores into an empty data directory (H2)
 * or an empty database (with {@code -Dtraining.test.postgres=…}: PostgreSQL, by pg_dump and pg_restore), and the
 * app started on it finds the request, its file and the ledger entry as they were. A restore never overwrites
 * without being told to, and refuses zips that are not ours or would write outside the target.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class BackupRestoreTests {

    private static final String POSTGRES = System.getProperty("training.test.postgres", "");
    private static final Path DATA;
    private static final List<Path> TEMPORARY = new ArrayList<>();

    static {
        try {
            DATA = Files.createTempDirectory("backup-source");
            TEMPORARY.add(DATA);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** On H2 a file database, as application.yml has it (not the tests' in-memory one, which H2 cannot back up). */
    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) {
        registry.add("training.data-dir", DATA::toString);
        if (POSTGRES.isBlank()) {
            registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATA + "/training;DB_CLOSE_ON_EXIT=FALSE");
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    TrainingLedger ledger;
    @Autowired
    Environment environment;

    @BeforeEach
    void useThisContextsEngine() {
        ProcessEngines.registerProcessEngine(processEngine);
    }

    @AfterAll
    static void deleteTemporaryFiles() {
        TEMPORARY.forEach(Backups::deleteTree);
    }

    @Test
    void aBackupRestoresIntoAnEmptyTargetWithRequestFileAndLedgerIntact() throws Exception {
        // given a request with its invitation uploaded through the start page, and hours in the ledger
        WebFixtures web = new WebFixtures(identityService);
        String request = web.submitRequest(mvc, "li.na");
        String attachment = (String) runtimeService.getVariable(request, "invitation");
        LedgerEntry entry = ledger.credit("li.na", LocalDate.of(2030, 3, 12), Category.OUTSIDE_STUDY,
                new BigDecimal("12.5"), "备份测试学时", "backupTest", request);

        // when the admin takes a backup while the app runs
        MvcResult backup = mvc.perform(get("/actuator/backup").with(httpBasic("admin", "demo"))).andReturn();
        assertThat(backup.getResponse().getStatus()).as(backup.getResponse().getContentAsString()).isEqualTo(200);
        byte[] zip = backup.getResponse().getContentAsByteArray();
        Map<String, byte[]> entries = unzip(zip);
        Properties about = new Properties();
        about.load(new ByteArrayInputStream(entries.get(BackupFormat.PROPERTIES)));
        assertThat(about.getProperty("database")).isEqualTo(POSTGRES.isBlank() ? "H2" : "PostgreSQL");
        assertThat(about.getProperty("schema-version")).isNotBlank().isNotEqualTo("none");
        assertThat(Long.parseLong(about.getProperty("requests"))).isPositive();
        assertThat(entries).containsKey(BackupFormat.UPLOADS + attachment)
                .containsKey(POSTGRES.isBlank() ? BackupFormat.H2_DATABASE : BackupFormat.POSTGRESQL_DATABASE);

        // and restores it into an empty data directory (or database)
        Path file = write(zip);
        Restore.Settings target = emptyTarget();
        Restore.Result result = Restore.into(file, target);
        assertThat(result.uploads()).isEqualTo(entries.keySet().stream()
                .filter(name -> name.startsWith(BackupFormat.UPLOADS)).count());

        // then the app started on what was restored has the request, the file's bytes and the ledger entry
        try (ConfigurableApplicationContext restored = start(target)) {
            RequestSummary summary = restored.getBean(Requests.class).find(request).orElseThrow();
            assertThat(summary.applicant()).isEqualTo("li.na");
            assertThat(summary.title()).isEqualTo(WebFixtures.validFields().get("title"));
            Attachments attachments = restored.getBean(Attachments.class);
            Attachment invitation = attachments.find(attachment).orElseThrow();
            try (InputStream in = attachments.open(invitation)) {
                assertThat(in.readAllBytes()).isEqualTo(WebFixtures.pdf("x").getBytes());
            }
            assertThat(restored.getBean(TrainingLedger.class).entriesOf("li.na"))
                    .anySatisfy(restoredEntry -> {
                        assertThat(restoredEntry.getId()).isEqualTo(entry.getId());
                        assertThat(restoredEntry.getTitle()).isEqualTo("备份测试学时");
                        assertThat(restoredEntry.getHours()).isEqualByComparingTo("12.5");
                    });
        } finally {
            ProcessEngines.registerProcessEngine(processEngine);
        }
    }

    @Test
    void onlyTheAdminTakesABackup() throws Exception {
        assertThat(status(get("/actuator/backup").with(httpBasic("zhao.min", "demo")))).isEqualTo(403);
        assertThat(status(get("/actuator/backup"))).isEqualTo(401);
        assertThat(status(get("/actuator/backup").with(httpBasic("admin", "wrong")))).isEqualTo(401);
    }

    @Test
    void aRestoreNeverOverwritesUnlessForced() throws Exception {
        Path zip = ourZip(Map.of(BackupFormat.UPLOADS + "a1", "upload".getBytes()));
        Restore.Settings target = nonEmptyTarget();

        assertThatThrownBy(() -> Restore.into(zip, target)).isInstanceOf(Refused.class)
                .hasMessageContaining("nothing was restored").hasMessageContaining("--training.restore-force=true");
        assertThat(target.uploads().resolve("a1")).doesNotExist();

        if (POSTGRES.isBlank()) {
            // forced, the database file is replaced (the app being stopped is the admin's part)
            Restore.into(zip, target.forced());
            assertThat(Files.readString(new Database(target.url(), null, null).h2File())).isEqualTo("database");
            assertThat(target.uploads().resolve("a1")).hasContent("upload");
        }
    }

    @Test
    void aZipWhoseEntriesWouldLeaveTheTargetIsRefused() throws Exception {
        Restore.Settings target = emptyTarget();
        for (String evil : List.of("../evil", "uploads/../../evil", "/tmp/evil", "uploads\\..\\evil")) {
            Path zip = ourZip(Map.of(evil, "evil".getBytes()));
            assertThatThrownBy(() -> Restore.into(zip, target)).as(evil).isInstanceOf(Refused.class)
                    .hasMessageContaining("outside the target").hasMessageContaining(evil);
        }
        assertThat(target.uploads().getParent().resolve("evil")).doesNotExist();
        assertThat(target.uploads()).doesNotExist();
    }

    @Test
    void aZipThatIsNotOursOrOfTheOtherDatabaseIsRefused() throws Exception {
        Restore.Settings target = emptyTarget();
        Path notOurs = zip(Map.of("database/training.mv.db", "x".getBytes()));
        assertThatThrownBy(() -> Restore.into(notOurs, target)).isInstanceOf(Refused.class)
                .hasMessageContaining("not a backup of this app");
        Path notAZip = write("hello".getBytes());
        assertThatThrownBy(() -> Restore.into(notAZip, target)).isInstanceOf(Refused.class)
                .hasMessageContaining("not a zip");

        Map<String, byte[]> other = new LinkedHashMap<>();
        other.put(BackupFormat.PROPERTIES, ("format=1\ndatabase=" + (POSTGRES.isBlank() ? "PostgreSQL" : "H2"))
                .getBytes());
        assertThatThrownBy(() -> Restore.into(zip(other), target)).isInstanceOf(Refused.class)
                .hasMessageContaining("but the app is set up for");
    }

    // ---- targets -------------------------------------------------------------------------------

    private Restore.Settings emptyTarget() throws IOException, SQLException {
        Path directory = Files.createTempDirectory("backup-target");
        TEMPORARY.add(directory);
        String url = POSTGRES.isBlank() ? "jdbc:h2:file:" + directory + "/training;DB_CLOSE_ON_EXIT=FALSE"
                : POSTGRES + newPostgresDatabase();
        return new Restore.Settings(url, username(), password(), directory.resolve("uploads"),
                environment.getProperty("training.backup.pg-restore"), false);
    }

    private Restore.Settings nonEmptyTarget() throws IOException, SQLException {
        Restore.Settings target = emptyTarget();
        if (POSTGRES.isBlank()) {
            Files.writeString(new Database(target.url(), null, null).h2File(), "a school's database");
        } else {
            try (Connection connection = DriverManager.getConnection(target.url(), username(), password());
                    Statement statement = connection.createStatement()) {
                statement.execute("create table something_kept (id int)");
            }
        }
        return target;
    }

    private String newPostgresDatabase() throws SQLException {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", username(), password());
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        }
        return name;
    }

    private String username() {
        return environment.getProperty("spring.datasource.username");
    }

    private String password() {
        return environment.getProperty("spring.datasource.password");
    }

    /** The whole app on the restored database and uploads, as a school would start it after a restore. */
    private ConfigurableApplicationContext start(Restore.Settings target) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--" + PostgresTestDatabase.OWN_DATABASE + "=true",
                "--spring.datasource.url=" + target.url(),
                "--spring.datasource.username=" + target.username(),
                "--spring.datasource.password=" + target.password(),
                "--training.data-dir=" + target.uploads().getParent(),
                "--training.uploads.dir=" + target.uploads()));
        if (!POSTGRES.isBlank()) {
            args.add("--spring.autoconfigure.exclude="); // sessions in the database, as PostgresTestDatabase has it
        }
        return new SpringApplicationBuilder(TrainingApprovalsApplication.class).profiles("test")
                .run(args.toArray(String[]::new));
    }

    // ---- zips ----------------------------------------------------------------------------------

    private int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        return result.getResponse().getStatus();
    }

    /** A zip that passes for one of ours until its database is read. */
    private Path ourZip(Map<String, byte[]> more) throws IOException {
        String vendor = POSTGRES.isBlank() ? Database.H2 : Database.POSTGRESQL;
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(BackupFormat.PROPERTIES, ("format=1\ndatabase=" + vendor).getBytes(StandardCharsets.UTF_8));
        entries.put(BackupFormat.databaseEntry(vendor), "database".getBytes(StandardCharsets.UTF_8));
        entries.putAll(more);
        return zip(entries);
    }

    private Path zip(Map<String, byte[]> entries) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return write(bytes.toByteArray());
    }

    private static Path write(byte[] content) throws IOException {
        Path file = Files.createTempFile("backup", ".zip");
        TEMPORARY.add(file);
        return Files.write(file, content);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
