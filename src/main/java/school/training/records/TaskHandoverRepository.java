package school.training.records;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TaskHandoverRepository extends JpaRepository<TaskHandover, Long> {

    List<TaskHandover> findByProcessInstanceIdOrderByIdAsc(String processInstanceId);
}
