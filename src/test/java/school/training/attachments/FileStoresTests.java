package school.training.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code training.uploads.store} chooses where the bytes go, and a misspelt value stops the start with a reason. */
class FileStoresTests {

    @TempDir
    Path directory;

    @Test
    void theDefaultDirectoryKeepsOneFilePerUpload() throws Exception {
        FileStore store = new FileStores().fileStore("directory", directory, null);

        store.save("a1", new ByteArrayInputStream(new byte[] { 1, 2, 3 }), 3);

        assertThat(directory.resolve("a1")).hasBinaryContent(new byte[] { 1, 2, 3 });
        try (InputStream in = store.open("a1")) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
    }

    @Test
    void anUnknownStoreIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> new FileStores().fileStore("s3", directory, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("training.uploads.store is 's3'").hasMessageContaining("'database'");
    }
}
