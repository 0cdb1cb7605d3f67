package school.training.termreview;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A published term-review result as the process published it: the first publication and, after an
 * appeal, the re-reviewed one. Results pages and CSV exports read these, not variables.
 */
@Entity
@Table(name = "term_result", uniqueConstraints = @UniqueConstraint(name = "term_result_round",
        columnNames = { "processInstanceId", "afterAppeal" }),
        indexes = @Index(name = "term_result_instance", columnList = "processInstanceId"))
class TermResult {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(length = 64, nullable = false, updatable = false)
    private String processInstanceId;
    @Column(length = 64, nullable = false, updatable = false)
    private String teacherId;
    @Column(nullable = false, updatable = false)
    private boolean afterAppeal;
    @Column(precision = 6, scale = 2, nullable = false, updatable = false)
    private BigDecimal score;
    @Column(length = 16, nullable = false, updatable = false)
    private String grade;
    @Column(nullable = false, updatable = false)
    private Instant publishedAt;

    protected TermResult() {
    }

    TermResult(String processInstanceId, String teacherId, boolean afterAppeal, BigDecimal score, String grade,
            Instant publishedAt) {
        this.processInstanceId = processInstanceId;
        this.teacherId = teacherId;
        this.afterAppeal = afterAppeal;
        this.score = score;
        this.grade = grade;
        this.publishedAt = publishedAt;
    }

    String getProcessInstanceId() {
        return processInstanceId;
    }

    boolean isAfterAppeal() {
        return afterAppeal;
    }

    BigDecimal getScore() {
        return score;
    }

    String getGrade() {
        return grade;
    }
}
