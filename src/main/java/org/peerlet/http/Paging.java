package org.peerlet.http;

import io.javalin.http.Context;

import java.util.List;
import java.util.Map;

/** PeerTube's {@code start}/{@code count} paging and its {@code {total, data}} answer. */
public record Paging(int start, int count) {
    public static final int MAX_COUNT = 100;

    public static Paging of(Context ctx) {
        int start = intParam(ctx, "start", 0);
        int count = intParam(ctx, "count", 15);
        if (start < 0) throw ApiError.badRequest("start must be 0 or more");
        if (count < 0 || count > MAX_COUNT) throw ApiError.badRequest("count must be between 0 and " + MAX_COUNT);
        return new Paging(start, count);
    }

    private static int intParam(Context ctx, String name, int def) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) return def;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ApiError.invalidParam("query", name, v, name + " must be a whole number");
        }
    }

    public static Map<String, Object> result(long total, List<?> data) {
        return Map.of("total", total, "data", data);
    }
}
