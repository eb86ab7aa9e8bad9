package eu.clustercalls.company;

import java.util.List;

/** Where the link of a sign-up's confirmation mail leads. */
public sealed interface SignUpLink {

    /** The link is unknown, already used or expired. */
    record Invalid() implements SignUpLink {
    }

    /**
     * The sign-up waits for the person to confirm it.
     *
     * @param problems why it cannot be confirmed as it is: the user name ({@code username.taken},
     *                 {@code username.format}: the person chooses another) or a registered company
     *                 ({@code vatNumber.taken})
     */
    record Pending(String legalName, String vatNumber, String username, String email, List<SignUpProblem> problems)
            implements SignUpLink {

        public boolean companyRegistered() {
            return problems.stream().anyMatch(problem -> problem.field().equals("vatNumber"));
        }
    }

    /** The company and its first user are registered; the user belongs to these groups and may be signed in. */
    record Confirmed(String username, List<String> groups) implements SignUpLink {
    }
}
