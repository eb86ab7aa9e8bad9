package eu.clustercalls.organisation;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.notification.Languages;
import eu.clustercalls.payment.Iban;
import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.NotFoundException;

/** Cluster organisations are Camunda tenants: creating one creates both. */
@Service
public class ClusterOrganisationService {

    static final Duration STAFF_LANGUAGE_KEPT = Duration.ofMinutes(1);

    private final ClusterOrganisationRepository organisations;
    private final Map<String, KeptLanguage> staffLanguages = new ConcurrentHashMap<>();
    private final IdentityService identityService;

    ClusterOrganisationService(ClusterOrganisationRepository organisations, IdentityService identityService) {
        this.organisations = organisations;
        this.identityService = identityService;
    }

    @Transactional
    public ClusterOrganisation register(String tenantId, String name, String country) {
        if (identityService.createTenantQuery().tenantId(tenantId).count() == 0) {
            var tenant = identityService.newTenant(tenantId);
            tenant.setName(name);
            identityService.saveTenant(tenant);
        }
        return organisations.save(new ClusterOrganisation(tenantId, name, country));
    }

    /** The account the cluster pays grants from; the IBAN must pass its checksum. */
    @Transactional
    public void useBankAccount(String tenantId, String accountName, String iban, String bic) {
        String normalised = Iban.normalise(iban);
        Iban.check("iban", normalised);
        get(tenantId).useBankAccount(accountName, normalised, bic == null || bic.isBlank() ? null : bic.strip());
    }

    /** The language the cluster's staff work in: its task forms and their views are shown in it. */
    @Transactional
    public void useStaffLanguage(String tenantId, String language) {
        if (!Languages.SUPPORTED.contains(language)) {
            throw new InvalidInputException("staffLanguage", "Choose one of " + String.join(", ", Languages.SUPPORTED)
                    + ".");
        }
        get(tenantId).useStaffLanguage(language);
        staffLanguages.remove(tenantId);
    }

    /**
     * The language of the cluster's staff; English for a tenant that is no cluster. Asked for every task and every
     * view, and changed seldom: each node keeps what it read for {@link #STAFF_LANGUAGE_KEPT} (another node's change
     * shows within it).
     */
    @Transactional(readOnly = true)
    public Locale staffLanguage(String tenantId) {
        if (tenantId == null) {
            return Locale.ENGLISH;
        }
        long now = System.nanoTime();
        KeptLanguage kept = staffLanguages.get(tenantId);
        if (kept != null && now - kept.readAt() < STAFF_LANGUAGE_KEPT.toNanos()) {
            return kept.language();
        }
        Locale language = Locale.forLanguageTag(organisations.findById(tenantId)
                .map(ClusterOrganisation::getStaffLanguage).orElse("en"));
        staffLanguages.put(tenantId, new KeptLanguage(language, now));
        return language;
    }

    private record KeptLanguage(Locale language, long readAt) {
    }

    /** Every cluster of the installation, by name: a company choosing the one it belongs to. */
    @Transactional(readOnly = true)
    public List<ClusterOrganisation> all() {
        return organisations.findAll(Sort.by("name"));
    }

    /** Every cluster's name by its id, read at once. */
    @Transactional(readOnly = true)
    public Map<String, String> names() {
        return organisations.findAll().stream()
                .collect(Collectors.toMap(ClusterOrganisation::getId, ClusterOrganisation::getName));
    }

    @Transactional(readOnly = true)
    public ClusterOrganisation get(String id) {
        return organisations.findById(id).orElseThrow(() -> new NotFoundException("No cluster organisation " + id + "."));
    }
}
