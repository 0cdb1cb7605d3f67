package school.training.degree;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface StudyProgressRepository extends JpaRepository<StudyProgress, Long> {

    List<StudyProgress> findByProcessInstanceIdOrderByIdAsc(String processInstanceId);
}
