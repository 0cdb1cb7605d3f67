package school.training.people;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface DirectoryChangeRepository extends JpaRepository<DirectoryChange, Long> {

    Page<DirectoryChange> findAllByOrderByIdDesc(Pageable page);

    Page<DirectoryChange> findBySubjectIdOrderByIdDesc(String subjectId, Pageable page);
}
