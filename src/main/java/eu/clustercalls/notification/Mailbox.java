package eu.clustercalls.notification;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.support.NotFoundException;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/** What the outbox holds and, on the embedded default, the mail it sent as the recipient received it. */
@Service
class Mailbox {

    static final int PAGE_SIZE = 50;

    private final NotificationRepository notifications;
    private final JdbcTemplate jdbc;
    private final Session session = Session.getInstance(new Properties());

    Mailbox(NotificationRepository notifications, JdbcTemplate jdbc) {
        this.notifications = notifications;
        this.jdbc = jdbc;
    }

    /** Newest first; status null for every message. */
    @Transactional(readOnly = true)
    Page<Notification> messages(Notification.Status status, int page) {
        PageRequest request = PageRequest.of(Math.max(0, page), PAGE_SIZE, Sort.by(Sort.Direction.DESC, "id"));
        return status == null ? notifications.findAll(request) : notifications.findByStatus(status, request);
    }

    @Transactional(readOnly = true)
    Notification message(Long id) {
        return notifications.findById(id).orElseThrow(() -> new NotFoundException("There is no message " + id + "."));
    }

    /** The mail as it was sent, if the mail catcher kept it. */
    Optional<byte[]> caught(Long id) {
        return jdbc.query("select mime from caught_mail where notification_id = ?",
                (rs, row) -> rs.getBytes("mime"), id).stream().findFirst();
    }

    /** The caught mail read back: its text and its attachments. */
    Optional<Delivered> delivered(Long id) {
        return caught(id).map(this::read);
    }

    record Delivered(String from, String to, String subject, String messageId, String text, List<Attachment> attachments) {
    }

    record Attachment(String fileName, String contentType, byte[] content) {
    }

    private Delivered read(byte[] mime) {
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(mime));
            StringBuilder text = new StringBuilder();
            List<Attachment> attachments = new ArrayList<>();
            collect(message, text, attachments);
            return new Delivered(MimeUtility.decodeText(message.getHeader("From", ", ")),
                    MimeUtility.decodeText(message.getHeader("To", ", ")), message.getSubject(), message.getMessageID(),
                    text.toString(), attachments);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("A caught mail cannot be read back", e);
        }
    }

    private static void collect(Part part, StringBuilder text, List<Attachment> attachments)
            throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart child = parts.getBodyPart(i);
                collect(child, text, attachments);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
            try (InputStream content = part.getInputStream()) {
                attachments.add(new Attachment(MimeUtility.decodeText(part.getFileName()),
                        part.getContentType().split(";")[0].trim(), content.readAllBytes()));
            }
        } else if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        }
    }
}
