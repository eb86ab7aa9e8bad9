package eu.clustercalls.company;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What a company gives when it signs up: itself, its partner and linked enterprises, the de minimis aid it received,
 * the cluster it says it belongs to (null if none) and its first user.
 */
public record SignUp(String legalName, String vatNumber, String country, String city, String naceCode,
        SmeFigures figures, List<RelatedEnterprise> relatedEnterprises, List<DeclaredAid> declaredAid,
        String clusterId, String memberNumber, NewUser user) {

    /** The same sign-up with another first user. */
    SignUp with(NewUser person) {
        return new SignUp(legalName, vatNumber, country, city, naceCode, figures, relatedEnterprises, declaredAid,
                clusterId, memberNumber, person);
    }

    public record DeclaredAid(LocalDate grantedOn, BigDecimal amount, String grantingBody) {
    }

    /** @param language the language the user reads mail in: the portal's at sign-up */
    public record NewUser(String username, String firstName, String lastName, String email, String password,
            Locale language) {

        NewUser named(String otherUsername) {
            return new NewUser(otherUsername, firstName, lastName, email, password, language);
        }

        NewUser withoutPassword() {
            return new NewUser(username, firstName, lastName, email, null, language);
        }

        /** As a mail greets the person. */
        String fullName() {
            return (firstName + " " + lastName).strip();
        }
    }
}
