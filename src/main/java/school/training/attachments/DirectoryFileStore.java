package school.training.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** One file per upload in {@code training.uploads.dir}, named by its id (outside the web root). */
class DirectoryFileStore implements FileStore {

    private final Path directory;

    DirectoryFileStore(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    @Override
    public void save(String id, InputStream content, long size) throws IOException {
        Files.createDirectories(directory);
        Files.copy(content, directory.resolve(id), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public InputStream open(String id) throws IOException {
        return Files.newInputStream(directory.resolve(id));
    }
}
