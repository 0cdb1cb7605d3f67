package school.training.deputies;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * 代理: while {@code personId} is away from {@code firstDay} to {@code lastDay} (both inclusive),
 * {@code deputyId} approves for them. Kept after it ends or is cancelled, as the record of who
 * acted for whom.
 */
@Entity
@Table(indexes = @Index(columnList = "personId, firstDay"))
public class Deputyship {

    @Id
    @GeneratedValue
    private Long id;
    private String personId;
    private String deputyId;
    private LocalDate firstDay;
    private LocalDate lastDay;
    /** The person's open tasks move to the deputy when the period starts, not only new ones. */
    private boolean includeExisting;
    private String createdBy;
    private Instant createdAt;
    private Instant cancelledAt;
    private String cancelledBy;
    /** When the open tasks were handed over (includeExisting), so a later check does not move them again. */
    private Instant handedOverAt;
    /** When the tasks still held by the deputy went back, after the end or the cancellation. */
    private Instant returnedAt;

    protected Deputyship() {
    }

    Deputyship(String personId, String deputyId, LocalDate firstDay, LocalDate lastDay, boolean includeExisting,
            String createdBy, Instant createdAt) {
        this.personId = personId;
        this.deputyId = deputyId;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.includeExisting = includeExisting;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public boolean runsOn(LocalDate day) {
        return cancelledAt == null && !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    public boolean overlaps(LocalDate from, LocalDate to) {
        return cancelledAt == null && !firstDay.isAfter(to) && !lastDay.isBefore(from);
    }

    void cancel(String by, Instant at) {
        cancelledBy = by;
        cancelledAt = at;
    }

    void handedOver(Instant at) {
        handedOverAt = at;
    }

    void returned(Instant at) {
        returnedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getPersonId() {
        return personId;
    }

    public String getDeputyId() {
        return deputyId;
    }

    public LocalDate getFirstDay() {
        return firstDay;
    }

    public LocalDate getLastDay() {
        return lastDay;
    }

    public boolean isIncludeExisting() {
        return includeExisting;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public String getCancelledBy() {
        return cancelledBy;
    }

    public Instant getHandedOverAt() {
        return handedOverAt;
    }

    public Instant getReturnedAt() {
        return returnedAt;
    }
}
