package eu.clustercalls.organisation;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ClusterOrganisationRepository extends JpaRepository<ClusterOrganisation, String> {
}
