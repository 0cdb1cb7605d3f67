package school.training.records;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface StepRecordRepository extends JpaRepository<StepRecord, Long> {

    List<StepRecord> findByProcessInstanceIdOrderByIdAsc(String processInstanceId);

    List<StepRecord> findByProcessInstanceIdInOrderByIdAsc(java.util.Collection<String> processInstanceIds);
}
