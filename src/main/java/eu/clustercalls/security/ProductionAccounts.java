package eu.clustercalls.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import eu.clustercalls.cluster.StartupLock;
import eu.clustercalls.config.ClusterCallsProperties;

/**
 * Outside the demo profile ClusterCalls starts only without the demo's users (their passwords are in the README)
 * and with an administrator's password chosen by the operator. The administrator is created at the first start, so
 * Camunda Admin's first-user page, which lets whoever comes first create an administrator, is never offered.
 * Checked once the engine is up and before the web server takes requests.
 */
@Component
@Profile("!demo")
class ProductionAccounts implements SmartInitializingSingleton {

    /**
     * The e-mail domain of every demo user (DemoData). The demo is recognised by it, not by user ids: a production
     * administrator may well be called "admin", as the demo's is, and the domain covers demo users of any version.
     */
    static final String DEMO_EMAIL_DOMAIN = "@demo.clustercalls.eu";
    static final int MIN_PASSWORD_LENGTH = PasswordLength.MIN_CHARACTERS;
    private static final Logger log = LoggerFactory.getLogger(ProductionAccounts.class);

    private final IdentityService identityService;
    private final TransactionTemplate transactions;
    private final AccessPolicy accessPolicy;
    private final ClusterCallsProperties.Admin admin;
    private final StartupLock startupLock;

    ProductionAccounts(IdentityService identityService, TransactionTemplate transactions, AccessPolicy accessPolicy,
            ClusterCallsProperties properties, StartupLock startupLock) {
        this.identityService = identityService;
        this.transactions = transactions;
        this.accessPolicy = accessPolicy;
        this.admin = properties.admin();
        this.startupLock = startupLock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        startupLock.run(this::checkAccounts);
    }

    private void checkAccounts() {
        refuseDemoUsers();
        String password = administratorPassword(admin);
        if (identityService.createUserQuery().userId(admin.user()).count() > 0) {
            log.info("Administrator '{}' exists; its password is left as it is.", admin.user());
            return;
        }
        transactions.executeWithoutResult(status -> createAdministrator(password));
        log.info("Created the administrator '{}' (group {}) with the password of CLUSTERCALLS_ADMIN_PASSWORD.",
                admin.user(), Roles.ADMIN);
    }

    private void refuseDemoUsers() {
        List<String> demoUsers = identityService.createUserQuery().userEmailLike("%" + DEMO_EMAIL_DOMAIN).list().stream()
                .map(User::getId).sorted().toList();
        if (!demoUsers.isEmpty()) {
            throw new InsecureStartException("The database holds the demo users " + String.join(", ", demoUsers)
                    + ", whose passwords are published; outside the 'demo' profile ClusterCalls does not start with them.",
                    "Use a database that was never started with the 'demo' profile, or delete these users (e-mail "
                            + "ending in " + DEMO_EMAIL_DOMAIN + ") from it.");
        }
    }

    /** The administrator's password, refused when missing or weak. */
    static String administratorPassword(ClusterCallsProperties.Admin admin) {
        String password = admin.password();
        if (password == null || password.isBlank()) {
            throw new InsecureStartException("No administrator password is set; outside the 'demo' profile "
                    + "ClusterCalls has no default credentials.",
                    "Set the environment variable CLUSTERCALLS_ADMIN_PASSWORD (setting clustercalls.admin.password) to "
                            + "a password of at least " + MIN_PASSWORD_LENGTH + " characters. The administrator '"
                            + admin.user() + "' (clustercalls.admin.user) is created with it at the first start.");
        }
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw new InsecureStartException("The administrator password of CLUSTERCALLS_ADMIN_PASSWORD is too short.",
                    "Choose one of at least " + MIN_PASSWORD_LENGTH + " characters, e.g. four random words.");
        }
        return password;
    }

    private void createAdministrator(String password) {
        accessPolicy.ensureGroup(Roles.ADMIN);
        User user = identityService.newUser(admin.user());
        user.setFirstName("ClusterCalls");
        user.setLastName("Administrator");
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.createMembership(admin.user(), Roles.ADMIN);
    }
}
