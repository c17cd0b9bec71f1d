package org.peerlet.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * The errors Jetty answers itself, before a request reaches our routes (a control character in a
 * header, a duplicate Host, a URI or headers too long, a path it finds ambiguous): PeerTube-shaped
 * JSON, as ours are, instead of Jetty's HTML page or an empty body. Set on the server (what it
 * cannot parse) and on the servlet context (what it refuses to route).
 */
final class JettyErrors extends ErrorHandler {
    private final Consumer<HttpFields.Mutable> headers;

    /** {@code headers} adds what every answer carries (the security headers). */
    JettyErrors(Consumer<HttpFields.Mutable> headers) {
        this.headers = headers;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        headers.accept(response.getHeaders());
        return super.handle(request, response, callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        headers.accept(fields);
        return super.badMessageError(status, reason, fields);
    }

    /** Jetty writes a body for GET, POST and HEAD only; a PUT's client reads errors too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                                                 List<Charset> charsets, int code, String message, Throwable cause) {
        String detail = code >= 500 || message == null || message.isBlank() ? ErrorBody.title(code) : message;
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ErrorBody.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(Json.write(ErrorBody.of(code, null, detail)).getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
