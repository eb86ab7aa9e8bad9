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

    public record DeclaredAid(LocalDate grantedOn, BigDecimal amount, String grantingBody) {
    }

    /** @param language the language the user reads mail in: the portal's at sign-up */
    public record NewUser(String username, String firstName, String lastName, String email, String password,
            Locale language) {
    }
}
