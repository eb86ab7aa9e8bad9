package eu.clustercalls.company;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.notification.Languages;
import eu.clustercalls.notification.NotificationService;
import eu.clustercalls.notification.NotificationType;
import eu.clustercalls.organisation.ClusterOrganisationRepository;
import eu.clustercalls.security.LinkTokens;
import eu.clustercalls.security.PasswordLength;
import eu.clustercalls.security.Roles;
import eu.clustercalls.support.InvalidInputException;

/**
 * A company signs up with its first user, in two steps, so that the answer to the form never tells an anonymous
 * caller whether a user name or a VAT number is known: the form is checked for what is wrong with it alone, then the
 * address it gives gets a mail with a single-use link (or, for a registered company, a mail that says so). Opening
 * the link registers the company and its user; only then, to the person who has shown the address is theirs, does
 * the sign-up say that the user name is taken or the company registered. The registration is written in one
 * transaction (the engine's identity tables join it), so it leaves neither a company without a user nor a user
 * without a company, nor a link that still works. The membership the company claims waits for the cluster's
 * confirmation ({@link MembershipRequestService}).
 */
@Service
public class SignUpService {

    /** Camunda's own rule for ids (generalResourceWhitelistPattern), and the length of its id column. */
    private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9]+([._-][a-zA-Z0-9]+)*");
    private static final int USER_ID_MAX_LENGTH = 64;
    static final int PASSWORD_MIN_LENGTH = PasswordLength.MIN_CHARACTERS;
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    /** How long the link of a sign-up's mail works. */
    public static final Duration LINK_VALIDITY = Duration.ofHours(24);
    private static final String CONFIRM_PATH = "/portal/sign-up/confirm/";
    /** The form as the request keeps it: every field of the records and of the related enterprises, as they are. */
    private static final ObjectMapper FORMS = JsonMapper.builder().findAndAddModules()
            .visibility(PropertyAccessor.ALL, Visibility.NONE).visibility(PropertyAccessor.FIELD, Visibility.ANY)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final CompanyService companies;
    private final CompanyRepository companyRows;
    private final MembershipRequestRepository requests;
    private final ClusterOrganisationRepository clusters;
    private final IdentityService identityService;
    private final ClusterCallsProperties properties;
    private final Clock clock;
    private final Languages languages;
    private final SignUpRequestRepository signUpRequests;
    private final SignUpPasswords passwords;
    private final NotificationService notifications;
    private final SignUpLimits limits;

    SignUpService(CompanyService companies, CompanyRepository companyRows, MembershipRequestRepository requests,
            ClusterOrganisationRepository clusters, IdentityService identityService, ClusterCallsProperties properties,
            Clock clock, Languages languages, SignUpRequestRepository signUpRequests, SignUpPasswords passwords,
            NotificationService notifications, SignUpLimits limits) {
        this.companies = companies;
        this.companyRows = companyRows;
        this.requests = requests;
        this.clusters = clusters;
        this.identityService = identityService;
        this.properties = properties;
        this.clock = clock;
        this.languages = languages;
        this.signUpRequests = signUpRequests;
        this.passwords = passwords;
        this.notifications = notifications;
        this.limits = limits;
    }

    /** The countries a company may sign up from: the EU member states, by ISO code. */
    public SortedSet<String> countries() {
        return VatNumbers.countries();
    }

    /**
     * Every reason the form would be refused; empty if it would be accepted. That its user name is taken or its
     * company registered is no reason here: the link's page says so ({@link #open}).
     */
    @Transactional(readOnly = true)
    public List<SignUpProblem> problems(SignUp signUp) {
        List<SignUpProblem> problems = new ArrayList<>();
        VatNumbers.problem(signUp.country(), signUp.vatNumber()).ifPresent(
                problem -> problems.add(new SignUpProblem("vatNumber", "vatNumber.invalid", problem)));
        CompanyRules.relatedProblems(signUp.relatedEnterprises(), problems);
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

    /**
     * Answers the form alike whoever sends it: the address it gives gets a mail with a link that registers the
     * company (valid for {@link #LINK_VALIDITY}), or, if a company with its VAT number is registered, a mail that
     * says so and how to get access. Refuses what {@link #problems} finds, and sign-ups beyond {@link SignUpLimits}
     * from this client address or to this e-mail address ({@link SignUpLimitException}).
     */
    @Transactional
    public void request(SignUp signUp, String client) {
        List<SignUpProblem> problems = problems(signUp);
        if (!problems.isEmpty()) {
            Map<String, String> fieldErrors = new LinkedHashMap<>();
            problems.forEach(problem -> fieldErrors.putIfAbsent(problem.field(), problem.message()));
            throw new InvalidInputException(fieldErrors);
        }
        limits.admit(signUp.user().email(), client).ifPresent(problem -> {
            throw new SignUpLimitException(problem);
        });
        // Hashed whichever mail follows, so that the answer takes as long for a registered company as for a new one.
        SignUpPasswords.Hashed password = passwords.hash(signUp.user().password());
        SignUp.NewUser person = signUp.user();
        Optional<Company> registered = companyRows.findByVatNumber(VatNumbers.normalise(signUp.vatNumber()));
        if (registered.isPresent()) {
            notifications.queueToAddress(person.email(), person.fullName(), person.language(),
                    NotificationType.SIGN_UP_COMPANY_REGISTERED, registered.get(), Map.of("companyName",
                            signUp.legalName(), "vatNumber", signUp.vatNumber(), "path", "/portal/sign-in"));
            return;
        }
        String token = LinkTokens.newToken();
        Instant now = clock.instant();
        SignUpRequest request = signUpRequests.save(new SignUpRequest(LinkTokens.hashOf(token), now,
                now.plus(LINK_VALIDITY), write(signUp.with(person.withoutPassword())), password));
        notifications.queueToAddress(person.email(), person.fullName(), person.language(),
                NotificationType.SIGN_UP_CONFIRMATION, request, Map.of("companyName", signUp.legalName(),
                        "vatNumber", signUp.vatNumber(), "username", person.username(),
                        "expiresAt", request.getExpiresAt(), "path", CONFIRM_PATH + token));
    }

    /**
     * The sign-up the link leads to, with what stands in the way of its confirmation: with that user name instead of
     * the form's, if one is given.
     */
    @Transactional(readOnly = true)
    public SignUpLink open(String token, String username) {
        return valid(token).<SignUpLink>map(request -> pending(read(request, username)))
                .orElseGet(SignUpLink.Invalid::new);
    }

    /**
     * Registers the company and its first user (group sme, contact of the company) as the link's sign-up gives them,
     * with that user name instead of the form's if one is given, and uses the link up. Nothing is written while
     * something stands in the way ({@link SignUpLink.Pending} says what).
     */
    @Transactional
    public SignUpLink confirm(String token, String username) {
        Optional<SignUpRequest> found = valid(token);
        if (found.isEmpty()) {
            return new SignUpLink.Invalid();
        }
        SignUpRequest request = found.get();
        SignUp signUp = read(request, username);
        SignUpLink.Pending pending = pending(signUp);
        if (!pending.problems().isEmpty()) {
            return pending;
        }
        if (signUpRequests.use(request.getId()) == 0) {
            return new SignUpLink.Invalid();
        }
        register(signUp, request.password());
        return new SignUpLink.Confirmed(signUp.user().username(), List.of(Roles.SME));
    }

    /** Forgets the sign-ups whose link has expired; returns how many. */
    @Transactional
    public int purgeExpired() {
        return signUpRequests.deleteExpired(clock.instant());
    }

    private Optional<SignUpRequest> valid(String token) {
        return token == null || token.isBlank() ? Optional.empty()
                : signUpRequests.findByTokenHashAndExpiresAtAfter(LinkTokens.hashOf(token), clock.instant());
    }

    private SignUpLink.Pending pending(SignUp signUp) {
        List<SignUpProblem> problems = new ArrayList<>();
        if (companyRows.existsByVatNumber(VatNumbers.normalise(signUp.vatNumber()))) {
            problems.add(new SignUpProblem("vatNumber", "vatNumber.taken",
                    "A company with this VAT number is already registered."));
        }
        String username = signUp.user().username();
        usernameProblem(username).ifPresentOrElse(problems::add, () -> {
            if (identityService.createUserQuery().userId(username).count() > 0) {
                problems.add(new SignUpProblem("username", "username.taken", "This user name is taken; choose another."));
            }
        });
        return new SignUpLink.Pending(signUp.legalName(), signUp.vatNumber(), username, signUp.user().email(),
                problems);
    }

    private void register(SignUp signUp, SignUpPasswords.Hashed password) {
        Company company = companies.register(signUp.legalName(), signUp.vatNumber(), signUp.country(), signUp.city(),
                signUp.naceCode(), signUp.figures(), signUp.relatedEnterprises());
        for (SignUp.DeclaredAid aid : signUp.declaredAid()) {
            companies.recordDeclaredAid(company.getId(), aid.grantedOn(), aid.amount(), aid.grantingBody());
        }
        if (signUp.clusterId() != null) {
            requests.save(new MembershipRequest(company.getId(), signUp.clusterId(), signUp.memberNumber().strip(),
                    clock.instant()));
        }
        addUser(company.getId(), signUp.user(), password);
    }

    /**
     * A new SME user of the company (group sme, one of its contacts, reading mail in their language), with this
     * password hash: the company's first user at its sign-up, or a colleague it invited.
     */
    void addUser(Long companyId, SignUp.NewUser person, SignUpPasswords.Hashed password) {
        User user = passwords.newUser(person.username(), password);
        user.setFirstName(person.firstName());
        user.setLastName(person.lastName());
        user.setEmail(person.email());
        identityService.saveUser(user);
        identityService.createMembership(person.username(), Roles.SME);
        languages.choose(person.username(), person.language());
        companies.addContact(companyId, person.username());
    }

    private static String write(SignUp signUp) {
        try {
            return FORMS.writeValueAsString(signUp);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A sign-up cannot be written as JSON", e);
        }
    }

    /** The request's form, with that user name instead of its own if one is given. */
    private static SignUp read(SignUpRequest request, String username) {
        try {
            SignUp signUp = FORMS.readValue(request.getForm(), SignUp.class);
            return username == null ? signUp : signUp.with(signUp.user().named(username));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Sign-up request " + request.getId() + " cannot be read", e);
        }
    }

    private void aidProblems(List<SignUp.DeclaredAid> declaredAid, List<SignUpProblem> problems) {
        LocalDate today = LocalDate.now(clock.withZone(properties.timeZone()));
        for (int i = 0; i < declaredAid.size(); i++) {
            CompanyRules.aidProblems(declaredAid.get(i), "aid" + i, today, problems);
        }
    }

    static Optional<SignUpProblem> usernameProblem(String username) {
        if (username == null || username.length() > USER_ID_MAX_LENGTH || !USER_ID.matcher(username).matches()) {
            return Optional.of(new SignUpProblem("username", "username.format", "A user name has at most 64 letters "
                    + "and digits, which may be joined by single dots, dashes or underscores (marta.puig)."));
        }
        return Optional.empty();
    }

    private void userProblems(SignUp.NewUser user, List<SignUpProblem> problems) {
        usernameProblem(user.username()).ifPresent(problems::add);
        if (user.email() == null || !EMAIL.matcher(user.email()).matches()) {
            problems.add(new SignUpProblem("email", "email.invalid", "This is not an e-mail address."));
        }
        if (user.password() == null || user.password().length() < PASSWORD_MIN_LENGTH) {
            problems.add(new SignUpProblem("password", "password.short",
                    "The password needs at least " + PASSWORD_MIN_LENGTH + " characters."));
        }
    }
}
