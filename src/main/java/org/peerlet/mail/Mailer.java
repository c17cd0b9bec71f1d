package org.peerlet.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Sends e-mail over SMTP, never on the caller's thread: {@link #send} queues a mail and returns.
 * One sender thread works through the queue, so a slow or dead server delays mails, never a
 * request. The queue is bounded and in memory: past {@link #QUEUE} mails waiting, or after
 * {@link #RETRIES} failed tries of one, a mail is dropped with one log line, and a restart drops
 * those waiting. The worst that happens is a lost mail: a person asks for a reset link again.
 */
public final class Mailer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("mail");
    static final int QUEUE = 200;
    /** Waits before the second and third tries: a server restarting, a network blip. */
    static final List<Duration> RETRIES = List.of(Duration.ofSeconds(20), Duration.ofMinutes(2));
    private static final String TIMEOUT_MS = "15000";

    private final SmtpConfig config;
    private final Session session;
    private final ScheduledThreadPoolExecutor sender;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Clock clock;

    public Mailer(SmtpConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.session = Session.getInstance(properties(config));
        this.sender = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "mail-sender");
            t.setDaemon(true);
            return t;
        });
        sender.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Whether SMTP is configured: without a host, nothing is ever sent. */
    public boolean enabled() {
        return config.enabled();
    }

    /** Queues a mail; false (and one log line) when e-mail is off or the queue is full. */
    public boolean send(Mail mail) {
        return send(() -> Optional.of(mail));
    }

    /**
     * Queues a mail written on the sender thread, not the caller's: {@code compose} may read and
     * write the database (a reset code), so the caller's answer takes the same time whatever it
     * finds. It returns empty when there is nothing to send after all.
     */
    public boolean send(Supplier<Optional<Mail>> compose) {
        return send(compose, Duration.ZERO);
    }

    /**
     * The same, started {@code after} this long: an answer that must not tell whether a mail is
     * written is sent before the work starts, so the work cannot slow it down either.
     */
    public boolean send(Supplier<Optional<Mail>> compose, Duration after) {
        if (!enabled()) return false;
        if (waiting.incrementAndGet() > QUEUE) {
            waiting.decrementAndGet();
            LOG.warn("a mail dropped: {} mails are waiting already", QUEUE);
            return false;
        }
        try {
            sender.schedule(() -> composeAndSend(compose), after.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            waiting.decrementAndGet();
            return false;
        }
    }

    private void composeAndSend(Supplier<Optional<Mail>> compose) {
        Optional<Mail> mail;
        try {
            mail = compose.get();
        } catch (RuntimeException e) {
            waiting.decrementAndGet();
            LOG.warn("a mail not written: {}", reason(e));
            return;
        }
        if (mail.isPresent()) {
            attempt(mail.get(), 1);
        } else {
            waiting.decrementAndGet();
        }
    }

    private void attempt(Mail mail, int tryNumber) {
        try {
            transmit(mail);
            waiting.decrementAndGet();
        } catch (MessagingException | RuntimeException e) {
            int tries = RETRIES.size() + 1;
            LOG.warn("mail to {} not sent (try {} of {}): {}", Mail.domainOf(mail.to()), tryNumber, tries, reason(e));
            if (tryNumber >= tries || sender.isShutdown()) {
                waiting.decrementAndGet();
                return;
            }
            try {
                sender.schedule(() -> attempt(mail, tryNumber + 1), RETRIES.get(tryNumber - 1).toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                waiting.decrementAndGet();
            }
        }
    }

    private void transmit(Mail mail) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(config.from()));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
        // A subject is one line whatever a name in it holds: no header of another's making.
        m.setSubject(mail.subject().replaceAll("[\\p{Cntrl}]+", " "), "UTF-8");
        m.setText(mail.text(), "UTF-8");
        m.setSentDate(Date.from(clock.instant()));
        if (config.user().isEmpty()) {
            Transport.send(m);
        } else {
            Transport.send(m, config.user(), config.password());
        }
    }

    /** One line: the first line of the failure and of its deepest cause (Jakarta Mail nests them over lines). */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String first = firstLine(e.getMessage());
        return root == e ? first : first + " (" + root.getClass().getSimpleName() + ": " + firstLine(root.getMessage()) + ")";
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    private static Properties properties(SmtpConfig c) {
        Properties p = new Properties();
        p.put("mail.smtp.host", c.host());
        p.put("mail.smtp.port", String.valueOf(c.port()));
        p.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
        p.put("mail.smtp.timeout", TIMEOUT_MS);
        p.put("mail.smtp.writetimeout", TIMEOUT_MS);
        // The HELO name: our public host, not a lookup of the machine's own name.
        p.put("mail.smtp.localhost", c.heloName());
        p.put("mail.smtp.auth", String.valueOf(!c.user().isEmpty()));
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        switch (c.tls()) {
            case TLS -> p.put("mail.smtp.ssl.enable", "true");
            case STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
            }
            case NONE -> {
            }
        }
        return p;
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
