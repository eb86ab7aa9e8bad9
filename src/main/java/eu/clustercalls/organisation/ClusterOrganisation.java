package eu.clustercalls.organisation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A cluster organisation; its id is its Camunda tenant id. */
@Entity
public class ClusterOrganisation {

    @Id
    private String id;
    private String name;
    private String country;

    protected ClusterOrganisation() {
    }

    public ClusterOrganisation(String id, String name, String country) {
        this.id = id;
        this.name = name;
        this.country = country;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getCountry() {
        return country;
    }
}
