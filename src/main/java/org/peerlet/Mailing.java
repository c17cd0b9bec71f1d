package org.peerlet;

import org.peerlet.account.AccountService;
import org.peerlet.account.Recovery;
import org.peerlet.account.RecoveryRoutes;
import org.peerlet.account.RegistrationRoutes;
import org.peerlet.account.Registrations;
import org.peerlet.account.TokenService;
import org.peerlet.common.Events;
import org.peerlet.config.Settings;
import org.peerlet.db.Database;
import org.peerlet.federation.Follows;
import org.peerlet.http.RouteGroup;
import org.peerlet.http.TrustedProxies;
import org.peerlet.instance.InstanceSettings;
import org.peerlet.instance.Urls;
import org.peerlet.mail.Mailer;
import org.peerlet.mail.SmtpConfig;
import org.peerlet.notification.NotificationMails;
import org.peerlet.notification.NotificationService;
import org.peerlet.social.SocialService;
import org.peerlet.video.VideoService;

import java.time.Clock;
import java.util.List;

/**
 * E-mail, wired for {@link App}: the mailer from the SMTP settings, the account routes that mail
 * (sign-up with its address check, password recovery) and notifications by e-mail.
 */
final class Mailing {
    private Mailing() {
    }

    static Mailer mailer(Settings s, Urls urls, Clock clock) {
        SmtpConfig config = new SmtpConfig(s.get(Settings.SMTP_HOST).trim(), s.get(Settings.SMTP_PORT),
                SmtpConfig.Tls.of(s.get(Settings.SMTP_TLS)), s.get(Settings.SMTP_USER), s.get(Settings.SMTP_PASSWORD),
                SmtpConfig.defaultFrom(s.get(Settings.SMTP_FROM), urls.host()), urls.host().replaceFirst(":\\d+$", ""));
        return new Mailer(config, clock);
    }

    /** Sign-up (open or on approval) and password recovery, both of which mail codes. */
    static void accountRoutes(List<RouteGroup> routes, Settings settings, Database db, AccountService accounts,
                              TokenService tokens, Mailer mailer, Urls urls, InstanceSettings instance,
                              TrustedProxies proxies, Clock clock) {
        Recovery recovery = new Recovery(db, accounts, tokens, mailer, urls, instance, clock);
        routes.add(new RegistrationRoutes(new Registrations(db, accounts, instance, recovery, clock,
                settings.get(Settings.USER_VIDEO_QUOTA), settings.get(Settings.USER_VIDEO_QUOTA_DAILY))));
        routes.add(new RecoveryRoutes(recovery, proxies));
    }

    /** The kinds people set to e-mail go out by mail, when there is SMTP to send them. */
    static void notifications(Events events, Mailer mailer, AccountService accounts, SocialService social,
                              VideoService videos, Follows follows, Urls urls, InstanceSettings instance) {
        if (!mailer.enabled()) return;
        NotificationMails mails = new NotificationMails(mailer, accounts, social, videos, follows, urls, instance);
        events.subscribe(NotificationService.ByMail.class, mails::send);
    }
}
