package school.training.hearback;

import java.time.LocalDate;

import org.springframework.data.jpa.repository.JpaRepository;

interface RequestUrgeRepository extends JpaRepository<RequestUrge, Long> {

    boolean existsByProcessInstanceIdAndUrgeDay(String processInstanceId, LocalDate urgeDay);
}
