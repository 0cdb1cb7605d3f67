package school.training.recognition;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RecognisedCertificateRepository extends JpaRepository<RecognisedCertificate, Long> {

    Optional<RecognisedCertificate> findByKey(String key);

    Optional<RecognisedCertificate> findByProcessInstanceId(String processInstanceId);
}
