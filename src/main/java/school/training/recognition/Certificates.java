package school.training.recognition;

import java.text.Normalizer;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.MessageSource;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import school.training.tasklist.RuleViolation;

/**
 * Which certificates are claimed (登记证书): one record per certificate number and organizer,
 * normalized (full-width and half-width, case, spaces and dashes do not make a new certificate). The
 * submit rules refuse a certificate another claim holds; the record itself, written when the claim is
 * checked, makes that hold when two claims race.
 */
@Component("recognitionCertificates")
public class Certificates {

    static final String TAKEN = "recognition.error.certificateTaken";
    static final String FIELD = "certificateNumber";

    private final RecognisedCertificateRepository certificates;
    private final MessageSource messages;
    private final Clock clock;

    Certificates(RecognisedCertificateRepository certificates, MessageSource messages, Clock clock) {
        this.certificates = certificates;
        this.messages = messages;
        this.clock = clock;
    }

    /** "ZS-2026 0012", "zs２０２６-0012" and "ZS20260012" are one number; so for the organizer. */
    static String key(Object number, Object organizer) {
        return normalize(number) + "|" + normalize(organizer);
    }

    private static String normalize(Object value) {
        String text = value == null ? "" : Normalizer.normalize(value.toString(), Normalizer.Form.NFKC);
        return text.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-_·.—–]+", "");
    }

    /** The claim holding this certificate, when it is another one than {@code processInstanceId}. */
    Optional<String> heldByAnother(Object number, Object organizer, String processInstanceId) {
        return certificates.findByKey(key(number, organizer)).map(RecognisedCertificate::getProcessInstanceId)
                .filter(holder -> !holder.equals(processInstanceId));
    }

    /** Execution listener on the start of {@code checkClaim}: after the claim and after each revision. */
    public void register(DelegateExecution execution) {
        Object number = execution.getVariable("certificateNumber");
        Object organizer = execution.getVariable("organizer");
        String instance = execution.getProcessInstanceId();
        String key = key(number, organizer);
        Optional<RecognisedCertificate> own = certificates.findByProcessInstanceId(instance);
        if (own.isPresent() && own.get().getKey().equals(key)) {
            return;
        }
        if (heldByAnother(number, organizer, instance).isPresent()) {
            throw taken(number);
        }
        own.ifPresent(old -> {
            certificates.delete(old);
            certificates.flush();
        });
        try {
            certificates.saveAndFlush(new RecognisedCertificate(key, String.valueOf(number), String.valueOf(organizer),
                    instance, (String) execution.getVariable("applicant"), clock.instant()));
        } catch (DataIntegrityViolationException | ConcurrencyFailureException raced) {
            throw taken(number);
        }
    }

    /** Execution listener on the end {@code claimRejected}: the certificate may be claimed again. */
    public void release(DelegateExecution execution) {
        certificates.findByProcessInstanceId(execution.getProcessInstanceId()).ifPresent(certificates::delete);
    }

    private RuleViolation taken(Object number) {
        String text = messages.getMessage(TAKEN, new Object[] { number }, TAKEN, Locale.SIMPLIFIED_CHINESE);
        return RuleViolation.of("证书编号 (" + FIELD + "): " + text, FIELD, TAKEN, number);
    }
}
