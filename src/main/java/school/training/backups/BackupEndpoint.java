package school.training.backups;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/backup}: the whole school in one zip, taken while the app runs (README, "Backup and
 * restore"). Only the admin reaches it (security.SecurityConfig#operations), as a cron job with curl would:
 * {@code curl -fsS -u admin:PASSWORD -o backup-$(date +%F).zip http://localhost:8080/actuator/backup}.
 */
@Component
@WebEndpoint(id = "backup")
class BackupEndpoint {

    private static final Logger log = LoggerFactory.getLogger(BackupEndpoint.class);

    private final Backups backups;

    BackupEndpoint(Backups backups) {
        this.backups = backups;
    }

    /** The zip, or 500 with what went wrong (pg_dump missing, …) as text for the script's log. */
    @ReadOperation(produces = "application/octet-stream")
    WebEndpointResponse<Object> backup() throws IOException {
        Path zip = Files.createTempFile("training-backup", ".zip");
        try {
            backups.writeTo(zip);
        } catch (RuntimeException e) {
            Files.deleteIfExists(zip);
            log.error("Backup failed", e);
            return new WebEndpointResponse<>("Backup failed: " + e.getMessage() + "\n",
                    WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR);
        }
        return new WebEndpointResponse<>(new TemporaryFile(zip), WebEndpointResponse.STATUS_OK);
    }

    /** The zip, deleted once sent (as Boot's heap dump endpoint does with its file). */
    private static final class TemporaryFile extends FileSystemResource {

        TemporaryFile(Path file) {
            super(file);
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return new FilterInputStream(super.getInputStream()) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        Files.deleteIfExists(getFile().toPath());
                    }
                }
            };
        }

        /** Not a file to the web layer, which would otherwise send it by path and never call close above. */
        @Override
        public boolean isFile() {
            return false;
        }
    }
}
