package school.training.deputies;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Periods start and end at midnight with nobody clicking: at start-up and every few minutes, hand over
 * the open tasks of periods that started and give back what deputies hold after periods that ended.
 * Each deputyship in its own transaction, so one task being completed at that moment delays only its own.
 * With several nodes one checks at a time (each settles only what is still pending, so checks that follow
 * each other are harmless).
 */
@Configuration
@EnableScheduling
class DeputyshipCheck {

    private static final Logger log = LoggerFactory.getLogger(DeputyshipCheck.class);

    static final String LOCK = "deputyship-check";

    private final Deputies deputies;

    DeputyshipCheck(Deputies deputies) {
        this.deputies = deputies;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        run();
    }

    @Scheduled(fixedDelayString = "${training.deputies.check-every:PT10M}",
            initialDelayString = "${training.deputies.check-every:PT10M}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT9M")
    void run() {
        for (Long id : deputies.pending()) {
            try {
                deputies.settle(id);
            } catch (RuntimeException e) {
                log.warn("Deputyship {} not settled now, next check tries again: {}", id, e.toString());
            }
        }
    }
}
