package eu.clustercalls.portal;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import eu.clustercalls.company.SignUp;

/** De minimis aid a company received since it signed up, as the company page's form sends it. */
class AidForm {

    private static final String REQUIRED = "{signup.error.required}";

    @NotNull(message = REQUIRED) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate aidGrantedOn;
    @NotNull(message = REQUIRED) private BigDecimal aidAmount;
    @Size(max = 200, message = "{signup.error.tooLong}") private String aidGrantingBody;

    SignUp.DeclaredAid toAid() {
        return new SignUp.DeclaredAid(aidGrantedOn, aidAmount, aidGrantingBody);
    }
}
