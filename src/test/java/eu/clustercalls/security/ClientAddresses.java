package eu.clustercalls.security;

import eu.clustercalls.Scenario;

/**
 * Client addresses for sign-in tests: the throttle counts failures per address in the database a test context
 * shares, so each test signs in from addresses no other test uses.
 */
public final class ClientAddresses {

    private ClientAddresses() {
    }

    public static String next() {
        int n = Scenario.next();
        return "10." + (n / 62_500 % 250) + "." + (n / 250 % 250) + "." + (n % 250 + 1);
    }
}
