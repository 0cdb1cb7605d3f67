package school.training.hearback;

import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import school.training.engine.AsTheApp;
import school.training.notifications.Notifications;
import school.training.people.CamundaGroups;
import school.training.people.Directory;
import school.training.people.Person;
import school.training.records.RequestOverview;
import school.training.records.RequestOverviews;
import school.training.records.RequestRecords;
import school.training.security.CamundaGrants;
import school.training.tasklist.CopyRequested;

/**
 * Copying (抄送) a decision: each named person still at the school gets a READ grant on the request in Camunda
 * (the one the REST API, Camunda's webapps and our request page honour) and a notification; the office is
 * told (it reads every request anyway). An id not in the directory is ignored: the page offers only people
 * from it, so anything else was not typed by the approver.
 */
@Component
class Copies {

    private final CamundaGrants grants;
    private final IdentityService identityService;
    private final Notifications notifications;
    private final Directory directory;
    private final RequestRecords records;
    private final RequestOverviews overviews;

    Copies(CamundaGrants grants, IdentityService identityService, Notifications notifications, Directory directory,
            RequestRecords records, RequestOverviews overviews) {
        this.overviews = overviews;
        this.grants = grants;
        this.identityService = identityService;
        this.notifications = notifications;
        this.directory = directory;
        this.records = records;
    }

    @EventListener
    @Transactional
    void copy(CopyRequested copy) {
        String applicant = records.applicant(copy.processInstanceId()).orElse(null);
        String title = overviews.get(copy.processInstanceId()).map(RequestOverview::getTitle)
                .map(Objects::toString).orElse("");
        String link = "/requests/" + copy.processInstanceId();
        String by = directory.nameOf(copy.copiedBy());
        String applicantName = applicant == null ? "" : directory.nameOf(applicant);
        for (String id : copy.people()) {
            Person person = directory.find(id).filter(Person::isActive).orElse(null);
            if (person == null || id.equals(copy.copiedBy())) {
                continue;
            }
            // the approver may not administer authorizations herself; the app grants on her behalf
            AsTheApp.run(identityService, () -> grants.grantInstanceReader(id, copy.processInstanceId()));
            notifications.notify(id, "hearback.copied", link, by, applicantName, title);
        }
        if (copy.office()) {
            notifications.notifyGroup(CamundaGroups.OFFICE, "hearback.copied", link, by, applicantName, title);
        }
    }
}
