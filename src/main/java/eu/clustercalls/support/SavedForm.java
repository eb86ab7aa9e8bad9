package eu.clustercalls.support;

import java.time.Instant;

import jakarta.persistence.MappedSuperclass;

/**
 * A portal form saved unfinished (an application's, a claim's): its values as the portal sent them (JSON), who saved
 * them and when, so that any user of the company can finish it later, on any device.
 */
@MappedSuperclass
public abstract class SavedForm {

    /** The longest form kept: the form's longest values with room for JSON escapes. */
    public static final int MAX_CONTENT = 20_000;

    private String username;
    private String content;
    private Instant savedAt;

    public void save(String username, String content, Instant savedAt) {
        this.username = username;
        this.content = content;
        this.savedAt = savedAt;
    }

    public String getUsername() {
        return username;
    }

    public String getContent() {
        return content;
    }

    public Instant getSavedAt() {
        return savedAt;
    }
}
