package school.training.attachments;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bytes in the table {@code attachment_content} of the shared database, so every node opens what any node
 * stored. Saving streams the upload into the statement (never a whole file in memory here); opening reads the
 * value once into memory, which is how the PostgreSQL driver hands out a {@code bytea} anyway — fine for uploads
 * within {@code training.uploads.max-size}. Joins the caller's transaction: content and metadata commit together.
 */
class DatabaseFileStore implements FileStore {

    private final JdbcTemplate jdbc;

    DatabaseFileStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(String id, InputStream content, long size) {
        jdbc.update("insert into attachment_content (id, content) values (?, ?)", statement -> {
            statement.setString(1, id);
            statement.setBinaryStream(2, content, size);
        });
    }

    @Override
    public InputStream open(String id) throws IOException {
        List<byte[]> found = jdbc.query("select content from attachment_content where id = ?",
                (row, n) -> row.getBytes(1), id);
        if (found.isEmpty()) {
            throw new FileNotFoundException("No stored content for attachment " + id);
        }
        return new ByteArrayInputStream(found.get(0));
    }
}
