package school.training.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Stores uploads: the metadata in the table {@code attachment}, the bytes in the {@link FileStore} that
 * {@code training.uploads.store} names ({@code training.uploads.dir} by default, outside the web root).
 * Size and type are checked by the form's schema before a file gets here.
 */
@Service
@Transactional
public class Attachments {

    /** Longest name kept, in UTF-16 characters; the column holds {@link Attachment#FILE_NAME_LENGTH}. */
    static final int MAX_NAME_LENGTH = 200;
    private static final int MAX_EXTENSION_LENGTH = 10;
    // U+200E/F marks, U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates
    private static final Set<Integer> BIDI_CONTROLS = Set.of(0x200E, 0x200F, 0x202A, 0x202B,
            0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069);

    private final AttachmentRepository repository;
    private final FileStore files;

    Attachments(AttachmentRepository repository, FileStore files) {
        this.repository = repository;
        this.files = files;
    }

    public Attachment store(MultipartFile file, String uploadedBy) {
        String id = UUID.randomUUID().toString();
        String name = displayName(file.getOriginalFilename());
        String type = file.getContentType() == null ? "application/octet-stream" : file.getContentType();
        // the row first: the content's row refers to it (in the database store); a failure rolls back both
        Attachment attachment = repository.saveAndFlush(new Attachment(id, name, type, file.getSize(), uploadedBy));
        try (InputStream in = file.getInputStream()) {
            files.save(id, in, file.getSize());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store upload " + name, e);
        }
        return attachment;
    }

    /**
     * The name a file is shown and downloaded under: the last path segment of what the browser sent,
     * without control characters (Unicode Cc) or the invisible marks that reverse text direction
     * (which can disguise {@code gpj.exe} as {@code exe.jpg}), at most {@value #MAX_NAME_LENGTH}
     * UTF-16 characters (what the column counts) with the extension kept ({@code 很长的名字….pdf}). Never empty.
     */
    static String displayName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().filter(c -> Character.getType(c) != Character.CONTROL && !BIDI_CONTROLS.contains(c))
                .forEach(clean::appendCodePoint);
        name = clean.toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "file";
        }
        if (name.length() <= MAX_NAME_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION_LENGTH ? name.substring(dot) : "";
        String base = extension.isEmpty() ? name : name.substring(0, dot);
        int end = MAX_NAME_LENGTH - 1 - extension.length();
        if (Character.isHighSurrogate(base.charAt(end - 1))) {
            end--; // never half a character
        }
        return base.substring(0, end).strip() + "…" + extension;
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
        return files.open(attachment.getId());
    }
}
