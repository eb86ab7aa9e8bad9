package eu.clustercalls.notification;

import org.springframework.data.jpa.repository.JpaRepository;

interface UserLanguageRepository extends JpaRepository<UserLanguage, String> {
}
