package eu.clustercalls.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The language a user reads mail in. */
@Entity
class UserLanguage {

    @Id
    private String userId;
    private String language;

    protected UserLanguage() {
    }

    UserLanguage(String userId, String language) {
        this.userId = userId;
        this.language = language;
    }

    String getUserId() {
        return userId;
    }

    String getLanguage() {
        return language;
    }

    void choose(String language) {
        this.language = language;
    }
}
