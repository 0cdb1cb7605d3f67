package school.training.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.web.multipart.MultipartFile;

/**
 * Stores uploads in {@code training.uploads.dir} (outside the web root, default ./data/uploads).
 * Size and type are checked by the form's schema before a file gets here.
 */
@Service
@Transactional
public class Attachments {

    private final AttachmentRepository repository;
    private final Path directory;

    Attachments(AttachmentRepository repository, @Value("${training.uploads.dir}") Path directory) {
        this.repository = repository;
        this.directory = directory.toAbsolutePath().normalize();
    }

    public Attachment store(MultipartFile file, String uploadedBy) {
        String id = UUID.randomUUID().toString();
        String name = StringUtils.cleanPath(Optional.ofNullable(file.getOriginalFilename()).orElse("file"));
        name = name.substring(name.lastIndexOf('/') + 1);
        try (InputStream in = file.getInputStream()) {
            Files.createDirectories(directory);
            Files.copy(in, directory.resolve(id), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store upload " + name, e);
        }
        String type = file.getContentType() == null ? "application/octet-stream" : file.getContentType();
        return repository.save(new Attachment(id, name, type, file.getSize(), uploadedBy));
    }

    /** Ties files uploaded before a process started to its instance, so readers of the request may open them. */
    public void linkTo(String attachmentId, String processInstanceId) {
        repository.findById(attachmentId).filter(a -> a.getProcessInstanceId() == null)
                .ifPresent(a -> a.linkTo(processInstanceId));
    }

    @Transactional(readOnly = true)
    public Optional<Attachment> find(String id) {
        return id == null ? Optional.empty() : repository.findById(id);
    }

    public InputStream open(Attachment attachment) throws IOException {
        return Files.newInputStream(directory.resolve(attachment.getId()));
    }
}
