package school.training.records;

import org.springframework.data.jpa.repository.JpaRepository;

interface RequestRecordRepository extends JpaRepository<RequestRecord, String> {
}
