package eu.clustercalls.security;

import java.util.List;

import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;

/**
 * Camunda's password policy for every user, staff and SME alike: a length, no required kinds of characters (a long
 * phrase is stronger and easier to remember than a short word with a digit and a sign). Camunda checks it whenever
 * a password is set, through any door; Camunda Admin shows it when a password is chosen.
 */
public final class PasswordLength implements PasswordPolicy {

    public static final int MIN_CHARACTERS = 12;
    static final String TOO_SHORT = "The password needs at least " + MIN_CHARACTERS + " characters.";

    private final List<PasswordPolicyRule> rules = List.of(new PasswordPolicyLengthRuleImpl(MIN_CHARACTERS));

    @Override
    public List<PasswordPolicyRule> getRules() {
        return rules;
    }
}
