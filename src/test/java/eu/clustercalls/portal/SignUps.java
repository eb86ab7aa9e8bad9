package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.MultiValueMap;

/** Signs a company up on the portal as a person does: the form, then the link of the mail it sends (in the outbox). */
public final class SignUps {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/portal/sign-up/confirm/[A-Za-z0-9_-]+)");

    private SignUps() {
    }

    /** Sends the form and opens the link mailed to its address; returns the new user's name. */
    public static String register(MockMvc mvc, JdbcTemplate jdbc, MultiValueMap<String, String> form) throws Exception {
        mvc.perform(post("/portal/sign-up").params(form).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/portal/sign-up/sent"));
        mvc.perform(post(link(jdbc, form.getFirst("email"))).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/portal/sign-up/welcome"));
        return form.getFirst("username");
    }

    /** The path of the link in the latest confirmation mail to that address. */
    public static String link(JdbcTemplate jdbc, String email) {
        List<String> bodies = jdbc.queryForList("select body from notification where recipient = ? "
                + "and type = 'SIGN_UP_CONFIRMATION' order by id desc", String.class, email);
        assertThat(bodies).as("confirmation mails to " + email).isNotEmpty();
        Matcher link = LINK.matcher(bodies.get(0));
        assertThat(link.find()).as("a link in " + bodies.get(0)).isTrue();
        return link.group(1);
    }
}
