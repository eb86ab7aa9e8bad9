package eu.clustercalls.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The client a sign-in (or a sign-up) comes from, as the throttles count it: the address Tomcat reports for the request (behind
 * the proxy, the one its X-Forwarded-For names, application-postgres.yaml). An IPv6 client counts by its /64
 * network, since one subscriber commonly holds a whole /64. The engine's callers (the webapps, the engine REST API)
 * run in servlets, where Spring keeps the request on the thread; a call from the node's own code has none and
 * counts as {@value #LOCAL}.
 */
public final class ClientAddress {

    static final String LOCAL = "local";

    private ClientAddress() {
    }

    public static String current() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? of(request.getRequest().getRemoteAddr()) : LOCAL;
    }

    static String of(String address) {
        if (address == null || address.isBlank()) {
            return LOCAL;
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // A literal address (it has a colon): no name is looked up.
            InetAddress parsed = InetAddress.getByName(address);
            if (!(parsed instanceof Inet6Address)) {
                return parsed.getHostAddress(); // an IPv4 address written as IPv6 (::ffff:192.0.2.1)
            }
            byte[] network = Arrays.copyOf(parsed.getAddress(), 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            // Not an address (Tomcat reports only addresses): counted as given.
        }
        return address.length() > 64 ? address.substring(0, 64) : address;
    }
}
