package be.loket.letters.internal;

import be.loket.letters.OutboundChannel;
import jakarta.mail.MessagingException;
import java.util.UUID;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** E-mail with the letter as PDF attachment, through Spring Mail (SMTP settings under spring.mail.*). */
public class SmtpChannel implements OutboundChannel {
    private final JavaMailSender mail;
    private final String from;

    public SmtpChannel(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(UUID tenantId, Message message) {
        try {
            var mime = mail.createMimeMessage();
            var helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(message.email());
            helper.setSubject(message.subject());
            helper.setText(message.text());
            if (message.pdf() != null) { // a short message (a login code) has no letter
                helper.addAttachment(fileName(message.subject()), new ByteArrayResource(message.pdf()), "application/pdf");
            }
            mail.send(mime);
        } catch (MessagingException e) {
            throw new MailSendException("Could not build the e-mail", e);
        }
    }

    /** A readable, safe file name from the subject: what the citizen sees in their mail program. */
    static String fileName(String subject) {
        String base = be.loket.platform.Texts.fold(subject).replace(' ', '-');
        return (base.isEmpty() ? "brief" : base.length() > 60 ? base.substring(0, 60) : base) + ".pdf";
    }
}
