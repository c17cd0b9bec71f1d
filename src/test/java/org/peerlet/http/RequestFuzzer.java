package org.peerlet.http;

import org.peerlet.testing.Api;
import org.peerlet.testing.Multipart;
import org.peerlet.testing.OddHeaders;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Makes requests to the API from a seed: real endpoints, with fields, query parameters and headers
 * drawn from what clients get wrong (wrong types, huge or empty values, control characters,
 * broken JSON, forms and multiparts). The same seed makes the same requests.
 */
final class RequestFuzzer {
    /** What the fuzzer aims at: a real video and its files, a channel, the users' tokens. */
    record Targets(long videoId, String uuid, String shortUuid, String channel, String account, String thumbnail,
                   String segment, String download, List<String> tokens) {
    }

    /** One request, as sent on the wire; {@code what} says it in a line for a failure message. */
    record Fuzzed(String method, String target, List<String> headers, byte[] body, String what) {
    }

    private static final List<String> VIDEO_FIELDS = List.of("name", "description", "support", "category", "licence",
            "language", "privacy", "nsfw", "commentsPolicy", "commentsEnabled", "downloadEnabled", "waitTranscoding",
            "originallyPublishedAt", "tags", "channelId", "videoPasswords", "filename");
    private static final List<String> QUERY_NAMES = List.of("start", "count", "sort", "privacyOneOf", "categoryOneOf",
            "licenceOneOf", "languageOneOf", "tagsOneOf", "tagsAllOf", "nsfw", "isLocal", "skipCount", "search",
            "videoFileToken", "upload_id", "url", "maxwidth", "maxheight", "accountName", "videoChannelId");

    private final Random random;
    private final Targets t;

    RequestFuzzer(long seed, Targets targets) {
        this.random = new Random(seed);
        this.t = targets;
    }

    Fuzzed next() {
        List<Supplier<Fuzzed>> kinds = List.of(this::videoList, this::videoUpdate, this::multipartUpload,
                this::resumableStart, this::resumablePut, this::login, this::register, this::profile, this::channel,
                this::comment, this::rate, this::media, this::feedOrEmbed, this::instanceSettings);
        return kinds.get(random.nextInt(kinds.size())).get();
    }

    private Fuzzed videoList() {
        String path = pick("/api/v1/videos", "/api/v1/search/videos", "/api/v1/users/me/videos",
                "/api/v1/video-channels/" + pick(t.channel(), Api.enc(value())) + "/videos",
                "/api/v1/accounts/" + pick(t.account(), Api.enc(value())) + "/videos");
        return request("GET", path + query(), List.of(), new byte[0]);
    }

    private Fuzzed videoUpdate() {
        String body = random.nextInt(5) == 0 ? brokenJson() : jsonObject(VIDEO_FIELDS);
        return request("PUT", "/api/v1/videos/" + videoRef(), List.of("Content-Type: application/json"), utf8(body));
    }

    private Fuzzed multipartUpload() {
        Multipart m = new Multipart();
        for (String f : subset(VIDEO_FIELDS)) m.field(f, value());
        if (random.nextInt(4) > 0) {
            byte[] file = new byte[random.nextInt(3) == 0 ? 300_000 : random.nextInt(4096)];
            random.nextBytes(file);
            m.file(pick("videofile", "thumbnailfile", "previewfile", value()), pick("clip.mp4", value()), file);
        }
        byte[] body = switch (random.nextInt(6)) {
            case 0 -> m.unfinished();
            case 1 -> Arrays.copyOf(m.bytes(), random.nextInt(m.bytes().length + 1));
            default -> m.bytes();
        };
        String type = pick(m.contentType(), m.contentType(), "multipart/form-data", "multipart/form-data; boundary=other",
                "application/json", "multipart/mixed; boundary=" + m.boundary());
        return request("POST", "/api/v1/videos/upload", List.of("Content-Type: " + type), body);
    }

    private Fuzzed resumableStart() {
        List<String> headers = new ArrayList<>(List.of("Content-Type: application/json"));
        headers.add("X-Upload-Content-Length: " + pick("1000", "0", "-1", "99999999999999999999", "abc", value()));
        if (random.nextBoolean()) headers.add("X-Upload-Content-Type: " + pick("video/mp4", value()));
        String body = random.nextInt(5) == 0 ? brokenJson() : jsonObject(VIDEO_FIELDS);
        return request("POST", "/api/v1/videos/upload-resumable", headers, utf8(body));
    }

    private Fuzzed resumablePut() {
        byte[] chunk = new byte[random.nextInt(2048)];
        random.nextBytes(chunk);
        List<String> headers = List.of("Content-Type: application/octet-stream", "Content-Range: " + pick("bytes 0-9/100",
                "bytes */100", "bytes 5-1/3", "bytes 0-" + Long.MAX_VALUE + "/" + Long.MAX_VALUE, "nonsense", value()));
        return request("PUT", "/api/v1/videos/upload-resumable?upload_id=" + Api.enc(value()), headers, chunk);
    }

    private Fuzzed login() {
        StringBuilder form = new StringBuilder();
        for (String f : subset(List.of("client_id", "client_secret", "grant_type", "username", "password", "refresh_token"))) {
            if (form.length() > 0) form.append('&');
            form.append(f).append('=').append(Api.enc(value()));
        }
        String type = pick("application/x-www-form-urlencoded", "application/json", "text/plain");
        return request("POST", pick("/api/v1/users/token", "/api/v1/users/revoke-token"), List.of("Content-Type: " + type),
                utf8(form.toString()));
    }

    private Fuzzed register() {
        String body = jsonObject(List.of("username", "password", "email", "displayName", "channel"));
        return request("POST", "/api/v1/users/register", List.of("Content-Type: application/json"), utf8(body));
    }

    private Fuzzed profile() {
        String body = jsonObject(List.of("displayName", "description", "p2pEnabled", "nsfwPolicy", "password",
                "currentPassword", "email", "autoPlayVideo"));
        return request("PUT", "/api/v1/users/me", List.of("Content-Type: application/json"), utf8(body));
    }

    private Fuzzed channel() {
        String body = jsonObject(List.of("name", "displayName", "description", "support"));
        return request(pick("POST", "PUT"), pick("/api/v1/video-channels", "/api/v1/video-channels/" + t.channel()),
                List.of("Content-Type: application/json"), utf8(body));
    }

    private Fuzzed comment() {
        String body = jsonObject(List.of("text"));
        return request("POST", "/api/v1/videos/" + videoRef() + "/comment-threads", List.of("Content-Type: application/json"),
                utf8(body));
    }

    private Fuzzed rate() {
        String body = jsonObject(List.of("rating"));
        return request(pick("PUT", "POST"), "/api/v1/videos/" + videoRef() + pick("/rate", "/views"),
                List.of("Content-Type: application/json"), utf8(body));
    }

    private Fuzzed media() {
        String path = pick(t.thumbnail(), t.segment(), t.download(), "/lazy-static/previews/" + t.uuid() + ".jpg",
                "/static/streaming-playlists/hls/" + t.uuid() + "/" + Api.enc(value()));
        List<String> headers = new ArrayList<>(subset(OddHeaders.ranges()));
        return request("GET", path + query(), headers.subList(0, Math.min(2, headers.size())), new byte[0]);
    }

    private Fuzzed feedOrEmbed() {
        String path = pick("/feeds/videos.xml", "/feeds/videos.atom", "/feeds/videos.json", "/services/oembed",
                "/videos/embed/" + videoRef(), "/w/" + videoRef());
        return request("GET", path + query(), List.of(), new byte[0]);
    }

    private Fuzzed instanceSettings() {
        String body = "{\"instance\":" + jsonObject(List.of("name", "shortDescription", "description", "terms"))
                + ",\"signup\":" + jsonObject(List.of("enabled")) + "}";
        return request("PUT", "/api/v1/config/custom", List.of("Content-Type: application/json"), utf8(body));
    }

    /** Adds a credential (or not, or a wrong one) and an odd header now and then. */
    private Fuzzed request(String method, String target, List<String> headers, byte[] body) {
        List<String> all = new ArrayList<>(headers);
        int auth = random.nextInt(t.tokens().size() + 2);
        if (auth < t.tokens().size()) all.add("Authorization: Bearer " + t.tokens().get(auth));
        else if (auth == t.tokens().size()) all.add("Authorization: Bearer " + value().replaceAll("[\\r\\n]", ""));
        if (random.nextInt(4) == 0) all.add(pick(OddHeaders.withoutFraming().toArray(String[]::new)));
        all.add("Content-Length: " + body.length);
        String what = method + " " + abbreviate(target) + " " + all.stream().map(RequestFuzzer::abbreviate).toList()
                + " body " + body.length + " bytes: " + abbreviate(new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8));
        return new Fuzzed(method, target, all, body, what);
    }

    private String query() {
        StringBuilder q = new StringBuilder();
        for (String name : subset(QUERY_NAMES)) {
            q.append(q.length() == 0 ? '?' : '&').append(pick(name, name + "[]")).append('=').append(Api.enc(value()));
        }
        return q.toString();
    }

    private String videoRef() {
        return pick(String.valueOf(t.videoId()), t.uuid(), t.shortUuid(), Api.enc(value()));
    }

    private String jsonObject(List<String> fields) {
        StringBuilder b = new StringBuilder("{");
        for (String f : subset(fields)) {
            if (b.length() > 1) b.append(',');
            b.append(Api.write(random.nextInt(10) == 0 ? value() : f)).append(':').append(jsonValue(0));
        }
        return b.append('}').toString();
    }

    private String jsonValue(int depth) {
        return switch (random.nextInt(depth > 2 ? 3 : 6)) {
            case 0 -> Api.write(value());
            case 1 -> pick("0", "1", "-1", "99", "2147483648", "-9223372036854775809", "1e309", "3.5", "99999999999999999999999");
            case 2 -> pick("true", "false", "null");
            case 3 -> "[" + jsonValue(depth + 1) + "," + jsonValue(depth + 1) + "]";
            case 4 -> "{\"a\":" + jsonValue(depth + 1) + "}";
            default -> Api.write(String.valueOf(random.nextInt(6)));
        };
    }

    private String brokenJson() {
        String good = jsonObject(VIDEO_FIELDS);
        return pick(good.substring(0, random.nextInt(good.length())), "[1,2", "\"just a string\"", "nul", "{\"a\":}",
                "{".repeat(5000), "\u0000\u0001", "");
    }

    /** A value of the kinds clients get wrong. */
    String value() {
        return switch (random.nextInt(12)) {
            case 0 -> "";
            case 1 -> "x".repeat(pick(121, 256, 1001, 10_001, 300_000));
            case 2 -> "Nul\u0000inside";
            case 3 -> pick("Line\nbreak", "Carriage\rreturn", "Tab\there", "Esc\u001b[31m", "Del\u007f", "C1\u0085");
            case 4 -> pick("-1", "0", "99", "2147483648", "9223372036854775807", "99999999999999999999", "1e3", "0x10");
            case 5 -> pick("../../etc/passwd", "%00", "%2e%2e%2f", "a/b", "\\\\server\\share", "con", ".");
            case 6 -> pick("\ud83d\ude00 emoji", "\u202eRTL override", "\ufeffBOM", "\udc00 lone surrogate", "日本語のタイトル");
            case 7 -> pick("true", "false", "null", "[]", "{}", "NaN", "Infinity");
            case 8 -> pick("<script>alert(1)</script>", "' OR 1=1 --", "\" OR \"\"=\"", "${jndi:ldap://x}", "%s%s%s%n");
            case 9 -> pick("-createdAt", "publishedAt", "views,likes", "1,2,3", "1,99", ",", " ");
            case 10 -> pick(t.channel(), t.account(), t.uuid(), String.valueOf(t.videoId()), "admin");
            default -> "Fine value " + random.nextInt(1000);
        };
    }

    private List<String> subset(List<String> from) {
        List<String> out = new ArrayList<>();
        for (String s : from) if (random.nextInt(3) == 0) out.add(s);
        return out;
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        String line = s.replaceAll("\\p{Cntrl}", "?");
        return line.length() > 120 ? line.substring(0, 120) + "...(" + line.length() + ")" : line;
    }
}
