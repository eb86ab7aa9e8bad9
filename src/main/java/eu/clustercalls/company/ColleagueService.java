package eu.clustercalls.company;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.audit.AuditService;
import eu.clustercalls.notification.NotificationService;
import eu.clustercalls.notification.NotificationType;
import eu.clustercalls.security.LinkTokens;
import eu.clustercalls.security.PasswordLength;
import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.NotFoundException;
import eu.clustercalls.support.Phrase;

/**
 * The users of a company bring in their colleagues: an invitation mails a single-use link to an address (never to
 * one a user of another company has), which lets the colleague choose a user name and password and join the company
 * as one of its SME users, as its first user joined at the sign-up. The company's users see and cancel pending
 * invitations and remove a colleague, never the company's last user. Each step is audited.
 */
@Service
public class ColleagueService {

    private static final String LINK_PATH = "/portal/invitations/";

    private final CompanyService companies;
    private final ColleagueInvitationRepository invitations;
    private final IdentityService identityService;
    private final SignUpService signUps;
    private final SignUpPasswords passwords;
    private final SignUpLimits limits;
    private final NotificationService notifications;
    private final AuditService audit;
    private final InvitationProperties settings;
    private final Clock clock;

    ColleagueService(CompanyService companies, ColleagueInvitationRepository invitations,
            IdentityService identityService, SignUpService signUps, SignUpPasswords passwords, SignUpLimits limits,
            NotificationService notifications, AuditService audit, InvitationProperties settings, Clock clock) {
        this.companies = companies;
        this.invitations = invitations;
        this.identityService = identityService;
        this.signUps = signUps;
        this.passwords = passwords;
        this.limits = limits;
        this.notifications = notifications;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** A user of a company: user name, name and e-mail address. */
    public record Colleague(String username, String name, String email) {
    }

    /** A company the user acts for, with its users and the invitations still open. */
    public record Colleagues(Company company, List<Colleague> users, List<ColleagueInvitation> pending) {
    }

    /** The invitation a link leads to, as its page shows it. */
    public record Invitation(String companyName, String email) {
    }

    /** What the colleague chooses on the invitation's page. */
    public record Joining(String username, String firstName, String lastName, String password,
            String passwordRepeat, Locale language) {
    }

    @Transactional(readOnly = true)
    public List<Colleagues> colleaguesOf(String user) {
        List<Company> mine = companies.companiesOf(user);
        List<ColleagueInvitation> open = invitations
                .findByCompanyIdInAndClosedAtIsNullAndExpiresAtAfterOrderByCreatedAt(
                        mine.stream().map(Company::getId).toList(), clock.instant());
        return mine.stream().map(company -> new Colleagues(company, usersOf(company.getContacts()),
                open.stream().filter(invitation -> invitation.getCompanyId().equals(company.getId())).toList()))
                .toList();
    }

    /**
     * Mails the address a link to join the company, valid for the configured time; an open invitation of the same
     * address to the company is replaced. Refuses an address that is no e-mail address, a user of this company's or
     * another's, and invitations beyond {@link SignUpLimits} to the address or from the client.
     */
    @Transactional
    public void invite(String user, Long companyId, String email, Locale language, String client) {
        Company company = companyOf(user, companyId);
        String address = email == null ? "" : email.strip();
        if (!SignUpService.EMAIL.matcher(address).matches() || address.length() > 200) {
            throw refusal("email", "invalidEmail");
        }
        addressProblem(address, company.getId()).ifPresent(problem -> {
            throw refusal("email", problem);
        });
        limits.admit(address, client).ifPresent(problem -> {
            throw refusal("email", problem.code().equals("tooMany") ? "tooManyFromClient" : "tooManyToAddress");
        });
        Instant now = clock.instant();
        invitations.findByCompanyIdAndEmailAndClosedAtIsNull(company.getId(), address)
                .forEach(replaced -> invitations.close(replaced.getId(), now));
        String token = LinkTokens.newToken();
        ColleagueInvitation invitation = invitations.save(new ColleagueInvitation(company.getId(), address, user,
                LinkTokens.hashOf(token), now, now.plus(settings.validity())));
        notifications.queueToAddress(address, "", language, NotificationType.COLLEAGUE_INVITATION, invitation,
                Map.of("companyName", company.getLegalName(), "invitedBy", nameOf(user),
                        "expiresAt", invitation.getExpiresAt(), "path", LINK_PATH + token, "invitation", true));
        audit.record(invitation, user, "COLLEAGUE_INVITED", address, "to " + company.getLegalName());
    }

    /** Closes an open invitation of a company the user acts for: its link works no more. */
    @Transactional
    public void cancel(String user, Long invitationId) {
        ColleagueInvitation invitation = invitations.findById(invitationId)
                .orElseThrow(() -> new NotFoundException(Phrase.of("refusal.colleagues.noInvitation").stored()));
        companyOf(user, invitation.getCompanyId());
        if (invitations.close(invitation.getId(), clock.instant()) == 1) {
            audit.record(invitation, user, "INVITATION_CANCELLED", invitation.getEmail(), null);
        }
    }

    /** Takes a user off a company the user acts for (the user stays, for other companies); never its last user. */
    @Transactional
    public void remove(String user, Long companyId, String colleague) {
        companyOf(user, companyId);
        Company company = companies.lock(companyId);
        if (!company.hasContact(colleague)) {
            throw new NotFoundException(Phrase.of("refusal.colleagues.noColleague").stored());
        }
        if (company.getContacts().size() == 1) {
            throw refusal("username", "lastUser");
        }
        company.removeContact(colleague);
        audit.record(company, user, "COLLEAGUE_REMOVED", colleague, null);
    }

    /** The open invitation of this link, if it still works. */
    @Transactional(readOnly = true)
    public Optional<Invitation> open(String token) {
        return valid(token).map(invitation -> new Invitation(companies.get(invitation.getCompanyId()).getLegalName(),
                invitation.getEmail()));
    }

    /**
     * The colleague joins the company as its new SME user, with the user name, name and password chosen (the
     * sign-up's rules), and the link is used up; the company's name, or empty if the link no longer works. Nothing
     * is written if a field is refused ({@link InvalidInputException}, by field).
     */
    @Transactional
    public Optional<String> accept(String token, Joining person) {
        Optional<ColleagueInvitation> found = valid(token);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ColleagueInvitation invitation = found.get();
        Map<String, String> errors = problems(person);
        addressProblem(invitation.getEmail(), invitation.getCompanyId())
                .ifPresent(problem -> errors.put("email", refusalText(problem)));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (invitations.close(invitation.getId(), clock.instant()) == 0) {
            return Optional.empty();
        }
        signUps.addUser(invitation.getCompanyId(), new SignUp.NewUser(person.username(), person.firstName().strip(),
                person.lastName().strip(), invitation.getEmail(), null, person.language()),
                passwords.hash(person.password()));
        audit.record(invitation, person.username(), "COLLEAGUE_JOINED", person.username(), null);
        return Optional.of(companies.get(invitation.getCompanyId()).getLegalName());
    }

    private Optional<ColleagueInvitation> valid(String token) {
        return token == null || token.isBlank() ? Optional.empty()
                : invitations.findByTokenHashAndClosedAtIsNullAndExpiresAtAfter(LinkTokens.hashOf(token),
                        clock.instant());
    }

    /** A company the user acts for; no other, whatever id the request names. */
    private Company companyOf(String user, Long companyId) {
        return companies.companiesOf(user).stream().filter(company -> company.getId().equals(companyId)).findFirst()
                .orElseThrow(() -> new NotFoundException(Phrase.of("refusal.colleagues.noCompany").stored()));
    }

    /** Why the address cannot join the company: it is a user of this company's, or of another's. */
    private Optional<String> addressProblem(String address, Long companyId) {
        for (User holder : identityService.createUserQuery().userEmail(address).list()) {
            List<Company> theirs = companies.companiesOf(holder.getId());
            if (theirs.stream().anyMatch(company -> company.getId().equals(companyId))) {
                return Optional.of("alreadyColleague");
            }
            if (!theirs.isEmpty()) {
                return Optional.of("otherCompany");
            }
        }
        return Optional.empty();
    }

    /** The sign-up's rules for a new user: a user name nobody has, a name, the same password twice and long enough. */
    private Map<String, String> problems(Joining person) {
        Map<String, String> errors = new LinkedHashMap<>();
        SignUpService.usernameProblem(person.username()).ifPresentOrElse(
                problem -> errors.put("username", refusalText("usernameFormat")), () -> {
                    if (identityService.createUserQuery().userId(person.username()).count() > 0) {
                        errors.put("username", refusalText("usernameTaken"));
                    }
                });
        if (person.firstName() == null || person.firstName().isBlank() || person.firstName().length() > 100) {
            errors.put("firstName", refusalText("name"));
        }
        if (person.lastName() == null || person.lastName().isBlank() || person.lastName().length() > 100) {
            errors.put("lastName", refusalText("name"));
        }
        if (person.password() == null || person.password().length() < PasswordLength.MIN_CHARACTERS) {
            errors.put("password", Phrase.of("refusal.password.short")
                    .number("min", PasswordLength.MIN_CHARACTERS).stored());
        } else if (!person.password().equals(person.passwordRepeat())) {
            errors.put("passwordRepeat", Phrase.of("refusal.password.repeat").stored());
        }
        return errors;
    }

    private List<Colleague> usersOf(Set<String> usernames) {
        if (usernames.isEmpty()) {
            return List.of();
        }
        return identityService.createUserQuery().userIdIn(usernames.toArray(String[]::new)).orderByUserId().asc()
                .list().stream().map(user -> new Colleague(user.getId(), fullName(user), user.getEmail())).toList();
    }

    private String nameOf(String username) {
        User user = identityService.createUserQuery().userId(username).singleResult();
        return user == null ? username : fullName(user);
    }

    private static String fullName(User user) {
        return ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
    }

    private static InvalidInputException refusal(String field, String name) {
        return new InvalidInputException(field, refusalText(name));
    }

    private static String refusalText(String name) {
        return Phrase.of("refusal.colleagues." + name).stored();
    }
}
