package school.training.people;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A teaching group (教研组) such as 语文组; its leader is the first approver for its teachers. */
@Entity
public class TeachingGroup {

    @Id
    private String id;
    private String name;
    private String nameEn;
    private String leaderId;
    private int sortOrder;

    protected TeachingGroup() {
    }

    public TeachingGroup(String id, String name, String nameEn, int sortOrder) {
        this.id = id;
        this.name = name;
        this.nameEn = nameEn;
        this.sortOrder = sortOrder;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getNameEn() {
        return nameEn;
    }

    public String getLeaderId() {
        return leaderId;
    }

    void setLeaderId(String leaderId) {
        this.leaderId = leaderId;
    }

    void setName(String name) {
        this.name = name;
    }

    void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    void setSortOrder(int sortOrder) {
        this.sortOrder = sortOrder;
    }

    public int getSortOrder() {
        return sortOrder;
    }
}
