package org.peerlet.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A multipart/form-data body, built part by part, with any bytes a test wants in it. */
public final class Multipart {
    private final String boundary = "----peerlet" + System.nanoTime();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public String boundary() {
        return boundary;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public Multipart field(String name, Object value) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    public Multipart file(String name, String filename, byte[] content) {
        return file(name, filename, "application/octet-stream", content);
    }

    public Multipart file(String name, String filename, String type, byte[] content) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + type + "\r\n\r\n");
        body.writeBytes(content);
        write("\r\n");
        return this;
    }

    /** The body with its closing boundary. */
    public byte[] bytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(body.toByteArray());
        all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return all.toByteArray();
    }

    /** The body so far, without its closing boundary: a request cut short. */
    public byte[] unfinished() {
        return body.toByteArray();
    }

    private void write(String s) {
        body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
