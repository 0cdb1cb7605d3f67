package school.training.people;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TeachingGroupRepository extends JpaRepository<TeachingGroup, String> {

    List<TeachingGroup> findAllByOrderBySortOrder();
}
