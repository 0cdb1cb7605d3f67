package school.training.attachments;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code training.uploads.store}: {@code directory} (the default: {@code training.uploads.dir}, right for one
 * node, or for several that all mount the same directory) or {@code database} (the shared database; what
 * several nodes on one PostgreSQL need without a shared file system).
 */
@Configuration
class FileStores {

    @Bean
    FileStore fileStore(@Value("${training.uploads.store:directory}") String store,
            @Value("${training.uploads.dir}") Path directory, JdbcTemplate jdbc) {
        return switch (store.strip()) {
            case "directory" -> new DirectoryFileStore(directory);
            case "database" -> new DatabaseFileStore(jdbc);
            default -> throw new IllegalArgumentException("training.uploads.store is '" + store
                    + "': it must be 'directory' (files in training.uploads.dir) or 'database' (in the database)");
        };
    }
}
