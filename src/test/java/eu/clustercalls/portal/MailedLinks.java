package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

/** The link of the latest mail of a kind in the outbox, as the person it goes to would open it. */
final class MailedLinks {

    private static final long WAIT_MILLIS = 15_000;

    private MailedLinks() {
    }

    /**
     * The path of the link to {@code path}… in the latest mail of that type to that recipient (a user name or an
     * address), waiting for it a while: a password reset is mailed after the answer.
     */
    static String await(JdbcTemplate jdbc, String recipient, String type, String path) throws InterruptedException {
        Pattern link = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(path) + "[A-Za-z0-9_-]+)");
        long until = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            List<String> bodies = jdbc.queryForList("select body from notification where recipient = ? and type = ? "
                    + "order by id desc", String.class, recipient, type);
            if (!bodies.isEmpty()) {
                Matcher found = link.matcher(bodies.get(0));
                assertThat(found.find()).as("a link in " + bodies.get(0)).isTrue();
                return found.group(1);
            }
            assertThat(System.currentTimeMillis()).as(type + " mail to " + recipient).isLessThan(until);
            Thread.sleep(100);
        }
    }

    static long count(JdbcTemplate jdbc, String recipient, String type) {
        return jdbc.queryForObject("select count(*) from notification where recipient = ? and type = ?", Long.class,
                recipient, type);
    }
}
