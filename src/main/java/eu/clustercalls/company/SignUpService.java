package eu.clustercalls.company;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.notification.Languages;
import eu.clustercalls.organisation.ClusterOrganisationRepository;
import eu.clustercalls.security.Roles;
import eu.clustercalls.support.InvalidInputException;

/**
 * A company signs up with its first user. Everything is written in one transaction (the engine's identity tables
 * join it), so a refused or failed sign-up leaves neither a company without a user nor a user without a company.
 * The membership it claims waits for the cluster's confirmation ({@link MembershipRequestService}).
 */
@Service
public class SignUpService {

    /** Camunda's own rule for ids (generalResourceWhitelistPattern), and the length of its id column. */
    private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9]+([._-][a-zA-Z0-9]+)*");
    private static final int USER_ID_MAX_LENGTH = 64;
    static final int PASSWORD_MIN_LENGTH = 10;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    /** Article 3(2) and (3) of the SME definition: a partner holds 25 to 50 %, a linked enterprise more. */
    private static final BigDecimal PARTNER_MIN = BigDecimal.valueOf(25);
    private static final BigDecimal PARTNER_MAX = BigDecimal.valueOf(50);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final CompanyService companies;
    private final CompanyRepository companyRows;
    private final MembershipRequestRepository requests;
    private final ClusterOrganisationRepository clusters;
    private final IdentityService identityService;
    private final ClusterCallsProperties properties;
    private final Clock clock;
    private final Languages languages;

    SignUpService(CompanyService companies, CompanyRepository companyRows, MembershipRequestRepository requests,
            ClusterOrganisationRepository clusters, IdentityService identityService, ClusterCallsProperties properties,
            Clock clock, Languages languages) {
        this.companies = companies;
        this.companyRows = companyRows;
        this.requests = requests;
        this.clusters = clusters;
        this.identityService = identityService;
        this.properties = properties;
        this.clock = clock;
        this.languages = languages;
    }

    /** The countries a company may sign up from: the EU member states, by ISO code. */
    public SortedSet<String> countries() {
        return VatNumbers.countries();
    }

    /** Every reason the sign-up would be refused; empty if it would be accepted. */
    @Transactional(readOnly = true)
    public List<SignUpProblem> problems(SignUp signUp) {
        List<SignUpProblem> problems = new ArrayList<>();
        VatNumbers.problem(signUp.country(), signUp.vatNumber()).ifPresentOrElse(
                problem -> problems.add(new SignUpProblem("vatNumber", "vatNumber.invalid", problem)),
                () -> {
                    if (companyRows.existsByVatNumber(VatNumbers.normalise(signUp.vatNumber()))) {
                        problems.add(new SignUpProblem("vatNumber", "vatNumber.taken",
                                "A company with this VAT number is already registered."));
                    }
                });
        relatedProblems(signUp.relatedEnterprises(), problems);
        aidProblems(signUp.declaredAid(), problems);
        if (signUp.clusterId() != null) {
            if (!clusters.existsById(signUp.clusterId())) {
                problems.add(new SignUpProblem("clusterId", "clusterId.unknown", "There is no such cluster."));
            }
            if (signUp.memberNumber() == null || signUp.memberNumber().isBlank()) {
                problems.add(new SignUpProblem("memberNumber", "memberNumber.required",
                        "Give the member number the cluster gave the company."));
            }
        }
        userProblems(signUp.user(), problems);
        return problems;
    }

    /** Registers the company and its first user (group sme, contact of the company); refuses what {@link #problems} finds. */
    @Transactional
    public Company signUp(SignUp signUp) {
        List<SignUpProblem> problems = problems(signUp);
        if (!problems.isEmpty()) {
            Map<String, String> fieldErrors = new LinkedHashMap<>();
            problems.forEach(problem -> fieldErrors.putIfAbsent(problem.field(), problem.message()));
            throw new InvalidInputException(fieldErrors);
        }
        Company company = companies.register(signUp.legalName(), signUp.vatNumber(), signUp.country(), signUp.city(),
                signUp.naceCode(), signUp.figures(), signUp.relatedEnterprises());
        for (SignUp.DeclaredAid aid : signUp.declaredAid()) {
            companies.recordDeclaredAid(company.getId(), aid.grantedOn(), aid.amount(), aid.grantingBody());
        }
        if (signUp.clusterId() != null) {
            requests.save(new MembershipRequest(company.getId(), signUp.clusterId(), signUp.memberNumber().strip(),
                    clock.instant()));
        }
        SignUp.NewUser person = signUp.user();
        User user = identityService.newUser(person.username());
        user.setFirstName(person.firstName());
        user.setLastName(person.lastName());
        user.setEmail(person.email());
        user.setPassword(person.password());
        identityService.saveUser(user);
        identityService.createMembership(person.username(), Roles.SME);
        languages.choose(person.username(), person.language());
        companies.addContact(company.getId(), person.username());
        return companies.get(company.getId());
    }

    private static void relatedProblems(List<RelatedEnterprise> related, List<SignUpProblem> problems) {
        for (int i = 0; i < related.size(); i++) {
            RelatedEnterprise enterprise = related.get(i);
            BigDecimal share = enterprise.getSharePercent();
            String field = "related" + i + "Share";
            if (enterprise.getRelation() == RelatedEnterprise.Relation.PARTNER
                    && (share.compareTo(PARTNER_MIN) < 0 || share.compareTo(PARTNER_MAX) > 0)) {
                problems.add(new SignUpProblem(field, "share.partner",
                        "A partner enterprise holds from 25 % to 50 %; below 25 % it does not count, above 50 % it is linked."));
            }
            if (enterprise.getRelation() == RelatedEnterprise.Relation.LINKED
                    && (share.signum() <= 0 || share.compareTo(HUNDRED) > 0)) {
                problems.add(new SignUpProblem(field, "share.linked",
                        "The holding of a linked enterprise is more than 0 % and at most 100 %."));
            }
        }
    }

    private void aidProblems(List<SignUp.DeclaredAid> declaredAid, List<SignUpProblem> problems) {
        LocalDate today = LocalDate.now(clock.withZone(properties.timeZone()));
        for (int i = 0; i < declaredAid.size(); i++) {
            SignUp.DeclaredAid aid = declaredAid.get(i);
            if (aid.grantedOn().isAfter(today)) {
                problems.add(new SignUpProblem("aid" + i + "GrantedOn", "aid.future",
                        "Aid is declared once it has been granted: the date cannot be in the future."));
            }
            if (aid.amount().signum() <= 0) {
                problems.add(new SignUpProblem("aid" + i + "Amount", "aid.amount", "The amount must be more than zero."));
            }
        }
    }

    private void userProblems(SignUp.NewUser user, List<SignUpProblem> problems) {
        String username = user.username();
        if (username == null || username.length() > USER_ID_MAX_LENGTH || !USER_ID.matcher(username).matches()) {
            problems.add(new SignUpProblem("username", "username.format", "A user name has at most 64 letters and "
                    + "digits, which may be joined by single dots, dashes or underscores (marta.puig)."));
        } else if (identityService.createUserQuery().userId(username).count() > 0) {
            problems.add(new SignUpProblem("username", "username.taken", "This user name is taken; choose another."));
        }
        if (user.email() == null || !EMAIL.matcher(user.email()).matches()) {
            problems.add(new SignUpProblem("email", "email.invalid", "This is not an e-mail address."));
        }
        if (user.password() == null || user.password().length() < PASSWORD_MIN_LENGTH) {
            problems.add(new SignUpProblem("password", "password.short",
                    "The password needs at least " + PASSWORD_MIN_LENGTH + " characters."));
        }
    }
}
