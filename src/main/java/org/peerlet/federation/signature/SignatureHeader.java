package org.peerlet.federation.signature;

import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parsed {@code Signature} header of draft-cavage-http-signatures:
 * {@code keyId="...",algorithm="rsa-sha256",headers="(request-target) host date digest",signature="..."}.
 */
public record SignatureHeader(String keyId, String algorithm, List<String> headers, byte[] signature) {

    /** @throws SignatureException (401) when a part is missing or malformed */
    public static SignatureHeader parse(String value) {
        if (value == null || value.isBlank()) throw SignatureException.unauthorized("the request is not signed");
        if (value.length() > 8192) throw SignatureException.unauthorized("the Signature header is too long");
        Map<String, String> params = new HashMap<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && (value.charAt(i) == ',' || value.charAt(i) == ' ')) i++;
            int eq = value.indexOf('=', i);
            if (eq < 0) break;
            String key = value.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            int start = eq + 1;
            String v;
            if (start < n && value.charAt(start) == '"') {
                int end = value.indexOf('"', start + 1);
                if (end < 0) throw SignatureException.unauthorized("the Signature header has an unclosed quote");
                v = value.substring(start + 1, end);
                i = end + 1;
            } else {
                int end = value.indexOf(',', start);
                if (end < 0) end = n;
                v = value.substring(start, end).trim();
                i = end;
            }
            params.putIfAbsent(key, v);
        }
        String keyId = params.get("keyid");
        String sig = params.get("signature");
        if (keyId == null || keyId.isEmpty() || sig == null) {
            throw SignatureException.unauthorized("the Signature header needs keyId and signature");
        }
        String algorithm = params.getOrDefault("algorithm", "rsa-sha256").toLowerCase(Locale.ROOT);
        // hs2019 is the newer name; with an RSA key it means RSA-SHA256 in practice (Mastodon sends it too).
        if (!algorithm.equals("rsa-sha256") && !algorithm.equals("hs2019")) {
            throw SignatureException.unauthorized("unsupported signature algorithm " + algorithm);
        }
        List<String> headers = Arrays.asList(params.getOrDefault("headers", "date").toLowerCase(Locale.ROOT).trim().split("\\s+"));
        try {
            return new SignatureHeader(keyId, algorithm, List.copyOf(headers), Base64.getDecoder().decode(sig));
        } catch (IllegalArgumentException e) {
            throw SignatureException.unauthorized("the signature is not base64");
        }
    }

    public String format() {
        return "keyId=\"" + keyId + "\",algorithm=\"" + algorithm + "\",headers=\"" + String.join(" ", headers)
                + "\",signature=\"" + Base64.getEncoder().encodeToString(signature) + "\"";
    }
}
