package eu.clustercalls.company;

/**
 * Why a sign-up cannot be accepted: the field (as the sign-up form names it: {@code vatNumber}, {@code related0Share},
 * {@code aid1GrantedOn}), a code the portal translates ({@code vatNumber.taken}) and the English text.
 */
public record SignUpProblem(String field, String code, String message) {
}
