package org.peerlet.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The words of the e-mails, in each language the web UI speaks (resources mail/texts_LANG.properties,
 * UTF-8). A mail is a subject and a body under one key; {@code {name}} in them is replaced by its value.
 */
public final class MailTexts {
    public static final List<String> LANGUAGES = List.of("en", "fr");
    private final Map<String, Properties> byLanguage;

    public MailTexts() {
        this.byLanguage = Map.of("en", load("en"), "fr", load("fr"));
    }

    /**
     * The language to write in: the first of {@code wanted} (a stored choice, or an Accept-Language
     * header such as "fr-CH, fr;q=0.9, en;q=0.8") that we write in; English otherwise.
     */
    public static String pick(String wanted) {
        if (wanted == null) return "en";
        for (String part : wanted.split(",")) {
            String tag = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
            String primary = tag.split("-")[0];
            if (LANGUAGES.contains(primary)) return primary;
        }
        return "en";
    }

    /** A mail under {@code key} in {@code language}, to {@code to}. */
    public Mail mail(String to, String language, String key, Map<String, String> values) {
        return new Mail(to, text(language, key + ".subject", values), text(language, key + ".body", values));
    }

    public String text(String language, String key, Map<String, String> values) {
        Properties p = byLanguage.getOrDefault(pick(language), byLanguage.get("en"));
        String s = p.getProperty(key);
        if (s == null) throw new IllegalArgumentException("no mail text " + key);
        for (Map.Entry<String, String> v : values.entrySet()) s = s.replace("{" + v.getKey() + "}", v.getValue());
        return s;
    }

    private static Properties load(String language) {
        String name = "/mail/texts_" + language + ".properties";
        try (InputStream in = MailTexts.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing " + name);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
