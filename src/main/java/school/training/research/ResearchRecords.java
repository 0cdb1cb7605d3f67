package school.training.research;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import school.training.attachments.Attachment;
import school.training.attachments.Attachments;
import school.training.ledger.Term;
import school.training.people.Directory;
import school.training.people.Person;
import school.training.people.TeachingGroup;

/**
 * What the research pages do, and who may: a group's leader records and edits its activities, the office for
 * any group; the group's teachers (and the attendees) read them, the principal and the office every group's.
 * Anyone else gets "not found", whatever the id.
 */
@Service
class ResearchRecords {

    private final ResearchActivityRepository activities;
    private final Directory directory;
    private final Attachments attachments;
    private final Clock clock;
    private final DataSize maxFileSize;
    private final TransactionTemplate transaction;

    ResearchRecords(ResearchActivityRepository activities, Directory directory, Attachments attachments, Clock clock,
            @Value("${training.uploads.max-size:10MB}") DataSize maxFileSize,
            PlatformTransactionManager transactionManager) {
        this.activities = activities;
        this.directory = directory;
        this.attachments = attachments;
        this.clock = clock;
        this.maxFileSize = maxFileSize;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such research activity for you");
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    LocalDate earliest() {
        return Term.containing(today()).previous().start();
    }

    // ---- who may --------------------------------------------------------------------------------

    /** The groups whose activities the viewer reads: all for the office and the principal, else their own. */
    List<TeachingGroup> readableGroups(ResearchViewer viewer) {
        if (viewer.office() || viewer.principal()) {
            return directory.teachingGroups();
        }
        return directory.find(viewer.id()).map(Person::getTeachingGroup).map(List::of).orElse(List.of());
    }

    /** The group asked for if the viewer reads it, else their first readable group; none: not found. */
    TeachingGroup group(ResearchViewer viewer, String groupId) {
        List<TeachingGroup> groups = readableGroups(viewer);
        if (groupId == null || groupId.isBlank()) {
            return groups.stream().findFirst().orElseThrow(ResearchRecords::notFound);
        }
        return groups.stream().filter(g -> g.getId().equals(groupId)).findFirst()
                .orElseThrow(ResearchRecords::notFound);
    }

    boolean mayRecord(ResearchViewer viewer, String groupId) {
        return viewer.office() || directory.teachingGroup(groupId).map(g -> viewer.id().equals(g.getLeaderId()))
                .orElse(false);
    }

    /** The group the viewer records for; a group they may not record for is "not found". */
    TeachingGroup recordable(ResearchViewer viewer, String groupId) {
        TeachingGroup group = directory.teachingGroup(groupId).orElseThrow(ResearchRecords::notFound);
        if (!mayRecord(viewer, group.getId())) {
            throw notFound();
        }
        return group;
    }

    ResearchActivity visible(ResearchViewer viewer, Long id) {
        return activities.findById(id).filter(a -> a.getAttendees().contains(viewer.id())
                || readableGroups(viewer).stream().anyMatch(g -> g.getId().equals(a.getGroupId())))
                .orElseThrow(ResearchRecords::notFound);
    }

    ResearchActivity editable(ResearchViewer viewer, Long id) {
        return activities.findById(id).filter(a -> mayRecord(viewer, a.getGroupId()))
                .orElseThrow(ResearchRecords::notFound);
    }

    // ---- reading ----------------------------------------------------------------------------------

    List<ResearchActivity> activities(String groupId, Term term) {
        return activities.findByGroupIdAndDateBetweenOrderByDateDescIdDesc(groupId, term.start(), term.end());
    }

    /** The group's people, for the attendee checkboxes: those who work here, and those already listed. */
    List<Person> members(String groupId, java.util.Collection<String> alreadyListed) {
        List<Person> members = new java.util.ArrayList<>(directory.membersOf(groupId).stream()
                .filter(p -> p.isActive() || alreadyListed.contains(p.getId())).toList());
        Set<String> shown = new HashSet<>();
        members.forEach(p -> shown.add(p.getId()));
        alreadyListed.stream().filter(id -> !shown.contains(id)).forEach(id -> directory.find(id).ifPresent(members::add));
        return members;
    }

    Map<String, String> names(java.util.Collection<String> ids) {
        Map<String, String> names = new java.util.HashMap<>();
        directory.findAll(ids).forEach(p -> names.put(p.getId(), p.getName()));
        ids.forEach(id -> names.putIfAbsent(id, id));
        return names;
    }

    Map<String, Attachment> files(java.util.Collection<String> ids) {
        Map<String, Attachment> files = new LinkedHashMap<>();
        ids.forEach(id -> attachments.find(id).ifPresent(a -> files.put(id, a)));
        return files;
    }

    Attachment file(ResearchViewer viewer, Long id, String attachmentId) {
        ResearchActivity activity = visible(viewer, id);
        if (!activity.getFiles().contains(attachmentId)) {
            throw notFound();
        }
        return attachments.find(attachmentId).orElseThrow(ResearchRecords::notFound);
    }

    // ---- recording --------------------------------------------------------------------------------

    record Saved(ResearchActivity activity, Map<String, String> errors) {
    }

    Saved record(ResearchViewer viewer, String groupId, ActivityForm form, List<MultipartFile> uploads,
            String token) {
        TeachingGroup group = recordable(viewer, groupId);
        Map<String, String> errors = new LinkedHashMap<>();
        store(viewer, form, uploads, errors);
        ActivityForm.Checked checked = form.check(today(), earliest(), memberIds(group.getId(), Set.of()),
                allowedFiles(viewer, form.getFiles(), List.of()), errors);
        if (checked == null) {
            return new Saved(null, errors);
        }
        String cleanToken = token == null || token.isBlank() || token.length() > 64 ? null : token;
        if (cleanToken != null) {
            Optional<ResearchActivity> same = activities.findBySubmissionToken(cleanToken);
            if (same.isPresent()) {
                return new Saved(same.get(), Map.of());
            }
        }
        try {
            return new Saved(transaction.execute(status -> {
                ResearchActivity activity = new ResearchActivity(group.getId(), viewer.id(), clock.instant(), cleanToken);
                activity.change(checked);
                return activities.saveAndFlush(activity);
            }), Map.of());
        } catch (DataIntegrityViolationException sameClickTwice) {
            return new Saved(activities.findBySubmissionToken(cleanToken).orElseThrow(() -> sameClickTwice), Map.of());
        }
    }

    Saved edit(ResearchViewer viewer, Long id, ActivityForm form, List<MultipartFile> uploads) {
        ResearchActivity existing = editable(viewer, id);
        Map<String, String> errors = new LinkedHashMap<>();
        store(viewer, form, uploads, errors);
        ActivityForm.Checked checked = form.check(today(), earliest(),
                memberIds(existing.getGroupId(), existing.getAttendees()),
                allowedFiles(viewer, form.getFiles(), existing.getFiles()), errors);
        if (checked == null) {
            return new Saved(existing, errors);
        }
        try {
            return new Saved(transaction.execute(status -> {
                ResearchActivity a = activities.findById(id).orElseThrow(ResearchRecords::notFound);
                if (form.getVersion() == null || form.getVersion() != a.getVersion()) {
                    throw new ObjectOptimisticLockingFailureException(ResearchActivity.class, id);
                }
                a.change(checked);
                return activities.saveAndFlush(a);
            }), Map.of());
        } catch (ObjectOptimisticLockingFailureException changedMeanwhile) {
            return new Saved(existing, Map.of("form", "research.error.changed"));
        }
    }

    /** New files are stored at once and kept in the form, so an error elsewhere on the page loses none. */
    private void store(ResearchViewer viewer, ActivityForm form, List<MultipartFile> uploads,
            Map<String, String> errors) {
        if (uploads == null) {
            return;
        }
        for (MultipartFile upload : uploads) {
            if (upload == null || upload.isEmpty()) {
                continue;
            }
            if (upload.getSize() > maxFileSize.toBytes()) {
                errors.put("files", "research.error.fileTooBig");
                continue;
            }
            form.getFiles().add(attachments.store(upload, viewer.id()).getId());
        }
    }

    private Set<String> memberIds(String groupId, Set<String> alreadyListed) {
        Set<String> ids = new HashSet<>(alreadyListed);
        directory.membersOf(groupId).stream().filter(Person::isActive).forEach(p -> ids.add(p.getId()));
        return ids;
    }

    /** Files of the activity itself, and files this person uploaded (kept across an error). */
    private Set<String> allowedFiles(ResearchViewer viewer, List<String> sent, List<String> ofActivity) {
        Set<String> allowed = new HashSet<>(ofActivity);
        for (String id : sent) {
            attachments.find(id).filter(a -> viewer.id().equals(a.getUploadedBy())).ifPresent(a -> allowed.add(id));
        }
        return allowed;
    }
}
