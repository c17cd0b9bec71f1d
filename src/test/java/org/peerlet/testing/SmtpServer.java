package org.peerlet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real SMTP server for a test: Nodemailer's smtp-server run by node (src/test/smtp-server,
 * installed by `mvn verify`), on a free loopback port. Every mail it receives is kept as JSON
 * (envelope recipients, subject, text) for the test to read.
 */
public final class SmtpServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final List<JsonNode> mails = new CopyOnWriteArrayList<>();
    private final int port;

    private SmtpServer(Map<String, String> env) {
        Path dir = Path.of("src/test/smtp-server");
        assertThat(Files.isDirectory(dir.resolve("node_modules/smtp-server")))
                .as("smtp-server in " + dir + ": `mvn verify` installs it with npm").isTrue();
        ProcessBuilder pb = new ProcessBuilder("node", "server.js").directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(env);
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start node: " + e.getMessage(), e);
        }
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> read(listening), "smtp-server-output");
        reader.setDaemon(true);
        reader.start();
        try {
            port = listening.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("smtp-server did not start", e);
        }
    }

    /** A server that takes mail from anyone. */
    public static SmtpServer start() {
        return new SmtpServer(Map.of());
    }

    /** A server that takes mail only after AUTH with this user and password. */
    public static SmtpServer withLogin(String user, String password) {
        return new SmtpServer(Map.of("SMTP_USER", user, "SMTP_PASSWORD", password));
    }

    private void read(CompletableFuture<Integer> listening) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode n = JSON.readTree(line);
                if (n.has("listening")) listening.complete(n.get("listening").asInt());
                else mails.add(n);
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
    }

    public int port() {
        return port;
    }

    /** The settings that send a server's mail here, plain SMTP. */
    public Map<String, String> settings() {
        return Map.of("PEERLET_SMTP_HOST", "127.0.0.1", "PEERLET_SMTP_PORT", String.valueOf(port),
                "PEERLET_SMTP_TLS", "none", "PEERLET_SMTP_FROM", "peerlet@videos.test");
    }

    /** Every mail received so far to this address. */
    public List<JsonNode> mailsTo(String address) {
        return mails.stream().filter(m -> m.get("to").toString().contains("\"" + address + "\"")).toList();
    }

    /** Waits for the {@code n}th mail (1 for the first) to this address, and returns it. */
    public JsonNode awaitMail(String address, int n) {
        Await.until(n + " mail(s) to " + address, () -> mailsTo(address).size() >= n);
        return mailsTo(address).get(n - 1);
    }

    /** The first link in a mail's text that starts with this base URL and path. */
    public static String link(JsonNode mail, String startingWith) {
        Matcher m = Pattern.compile(Pattern.quote(startingWith) + "\\S*").matcher(mail.get("text").asText());
        assertThat(m.find()).as("a link to " + startingWith + " in:\n" + mail.get("text").asText()).isTrue();
        return m.group();
    }

    /** The query parameters of that link (a user id and a verification string, say). */
    public static Map<String, String> linkQuery(JsonNode mail, String startingWith) {
        Map<String, String> q = new java.util.LinkedHashMap<>();
        for (String pair : java.net.URI.create(link(mail, startingWith)).getRawQuery().split("&")) {
            q.put(pair.split("=")[0], pair.split("=")[1]);
        }
        return q;
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
