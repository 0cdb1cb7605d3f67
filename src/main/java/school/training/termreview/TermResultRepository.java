package school.training.termreview;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TermResultRepository extends JpaRepository<TermResult, Long> {

    List<TermResult> findByProcessInstanceIdIn(Collection<String> processInstanceIds);

    boolean existsByProcessInstanceIdAndAfterAppeal(String processInstanceId, boolean afterAppeal);
}
