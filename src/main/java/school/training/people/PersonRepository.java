package school.training.people;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PersonRepository extends JpaRepository<Person, String> {

    List<Person> findByTeachingGroupIdOrderByName(String teachingGroupId);

    /** Everyone here, with their groups in the same query (not one query per group). */
    @EntityGraph(attributePaths = "teachingGroup")
    List<Person> findByLeftOnIsNull();

    long countByTeachingGroupIdAndLeftOnIsNull(String teachingGroupId);

    /** At most {@code limit} of those here, groups fetched with them: enough to tell whether all fit a page. */
    @EntityGraph(attributePaths = "teachingGroup")
    List<Person> findByLeftOnIsNull(Limit limit);

    List<Person> findByNameAndLeftOnIsNull(String name);

    /** Who works here whose id or name holds the text (lower case, with % around), by name: a picker's few. */
    @Query("""
            select p from Person p left join fetch p.teachingGroup
            where p.leftOn is null and (lower(p.id) like :text or lower(p.name) like :text)
            order by p.name, p.id
            """)
    List<Person> suggest(@Param("text") String text, Limit limit);

    /** Who teaches here now (teachers and group leaders), of one teaching group when given. */
    @Query("""
            select p from Person p left join p.teachingGroup g
            where p.leftOn is null and p.role in :roles and (:groupId is null or g.id = :groupId)
            order by g.sortOrder, p.name, p.id
            """)
    Page<Person> teaching(@Param("groupId") String groupId, @Param("roles") java.util.Collection<Role> roles,
            Pageable page);

    /** The office's list: each filter applies when given; text matches id, name, subject, phone or e-mail. */
    @Query("""
            select p from Person p left join p.teachingGroup g
            where (:text is null or lower(p.id) like :text or lower(p.name) like :text or lower(p.subject) like :text
                   or p.phone like :text or lower(p.email) like :text)
              and (:groupId is null or g.id = :groupId)
              and (:role is null or p.role = :role)
              and (:degree is null or p.degree = :degree)
              and (:active is null or (:active = true and p.leftOn is null) or (:active = false and p.leftOn is not null))
            order by g.sortOrder, p.name, p.id
            """)
    Page<Person> search(@Param("text") String text, @Param("groupId") String groupId, @Param("role") Role role,
            @Param("degree") Degree degree, @Param("active") Boolean active, Pageable page);
}
