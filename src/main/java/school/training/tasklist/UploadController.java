package school.training.tasklist;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import school.training.attachments.Attachment;
import school.training.attachments.Attachments;

/**
 * A file uploaded on its own, for a client that fills a form's file field through {@code /engine-rest} (a
 * school's script, another system): it uploads here, then sends the returned id as the field's value. The
 * engine's rules accept only the uploader's own file not yet attached to a request, so an id gives nobody
 * anything. Our pages upload with the form itself and do not need this.
 */
@RestController
class UploadController {

    private final Attachments attachments;
    private final DataSize maxFileSize;

    UploadController(Attachments attachments, @Value("${training.uploads.max-size:10MB}") DataSize maxFileSize) {
        this.attachments = attachments;
        this.maxFileSize = maxFileSize;
    }

    @PostMapping("/api/attachments")
    ResponseEntity<Map<String, Object>> upload(@RequestParam(name = "file", required = false) MultipartFile file,
            Authentication authentication) {
        if (file == null || file.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("error", "Send a non-empty file as the part named \"file\""));
        }
        if (file.getSize() > maxFileSize.toBytes()) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(Map.of("error", "A file may be at most " + maxFileSize.toMegabytes() + " MB"));
        }
        Attachment stored = attachments.store(file, CurrentUser.of(authentication).id());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", stored.getId(), "fileName",
                stored.getFileName(), "size", stored.getSize()));
    }
}
