package eu.clustercalls.notification;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import eu.clustercalls.support.NotFoundException;

/**
 * The administrator's view of the outbox: every message with its state and, where the mail catcher kept them, the
 * mails as they were sent, with their attachments. Messages hold personal data: administrators only.
 */
@Controller
class MailPages {

    private final Mailbox mailbox;

    MailPages(Mailbox mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping("/dashboard/mail")
    String messages(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            Model model, HttpServletResponse response) {
        Optional<Notification.Status> known = status == null || status.isBlank() ? Optional.empty() : status(status);
        if (status != null && !status.isBlank() && known.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("statusError", true);
        }
        Notification.Status wanted = known.orElse(null);
        model.addAttribute("messages", mailbox.messages(wanted, page));
        model.addAttribute("status", wanted == null ? "" : wanted.name());
        model.addAttribute("statuses", Notification.Status.values());
        return "dashboard/mail";
    }

    @GetMapping("/dashboard/mail/{id}")
    String message(@PathVariable Long id, Model model) {
        model.addAttribute("message", mailbox.message(id));
        model.addAttribute("delivered", mailbox.delivered(id).orElse(null));
        return "dashboard/mail-message";
    }

    /** The caught mail whole, to open in a mail program. */
    @GetMapping("/dashboard/mail/{id}/message.eml")
    ResponseEntity<byte[]> eml(@PathVariable Long id) {
        byte[] mime = mailbox.caught(id).orElseThrow(() -> new NotFoundException("Message " + id + " was not caught."));
        return download(mime, "message/rfc822", "message-" + id + ".eml");
    }

    @GetMapping("/dashboard/mail/{id}/attachments/{number}")
    ResponseEntity<byte[]> attachment(@PathVariable Long id, @PathVariable int number) {
        Mailbox.Attachment attachment = mailbox.delivered(id)
                .filter(delivered -> number >= 1 && number <= delivered.attachments().size())
                .map(delivered -> delivered.attachments().get(number - 1))
                .orElseThrow(() -> new NotFoundException("Message " + id + " has no attachment " + number + "."));
        return download(attachment.content(), attachment.contentType(), attachment.fileName());
    }

    private static ResponseEntity<byte[]> download(byte[] content, String contentType, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(content);
    }

    private static Optional<Notification.Status> status(String status) {
        return Arrays.stream(Notification.Status.values()).filter(s -> s.name().equalsIgnoreCase(status)).findFirst();
    }
}
