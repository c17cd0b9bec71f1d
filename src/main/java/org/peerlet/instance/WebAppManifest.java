package org.peerlet.instance;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.http.Access;
import org.peerlet.http.Json;
import org.peerlet.http.RouteGroup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web app manifest ({@code /manifest.webmanifest}): the UI installs on a phone's home screen
 * under the instance's name, and appears in the phone's share menu for videos. A shared video is
 * posted to {@link #SHARE_ACTION}, where the upload feature keeps it until its owner confirms.
 */
public final class WebAppManifest implements RouteGroup {
    /** Where the phone posts a shared video (multipart, the file in {@code video}). */
    public static final String SHARE_ACTION = "/upload/shared";
    /** The app's accent colour (web/css/app.css --accent), for the phone's title bar. */
    static final String THEME_COLOR = "#1f5fd1";
    /** Home-screen labels are cut short by phones; a longer name gets an ellipsis in short_name. */
    static final int SHORT_NAME_LENGTH = 12;

    private final InstanceSettings instance;

    public WebAppManifest(InstanceSettings instance) {
        this.instance = instance;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/manifest.webmanifest", this::manifest, Access.ANYONE);
    }

    private void manifest(Context ctx) {
        String name = instance.get(InstanceSettings.NAME);
        ctx.header("Cache-Control", "no-cache"); // the admin may rename the instance
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "/");
        m.put("name", name);
        m.put("short_name", shortName(name));
        m.put("description", instance.get(InstanceSettings.SHORT_DESCRIPTION));
        m.put("start_url", "/");
        m.put("scope", "/");
        m.put("display", "standalone");
        m.put("theme_color", THEME_COLOR);
        m.put("background_color", "#ffffff");
        m.put("icons", List.of(icon(192), icon(512)));
        m.put("share_target", Map.of("action", SHARE_ACTION, "method", "POST", "enctype", "multipart/form-data",
                "params", Map.of("title", "name", "text", "description",
                        "files", List.of(Map.of("name", "video", "accept", List.of("video/*"))))));
        ctx.contentType("application/manifest+json").result(Json.write(m));
    }

    static String shortName(String name) {
        int[] points = name.codePoints().toArray();
        if (points.length <= SHORT_NAME_LENGTH) return name;
        return new String(points, 0, SHORT_NAME_LENGTH - 1).strip() + "…";
    }

    private static Map<String, String> icon(int size) {
        return Map.of("src", "/icons/icon-" + size + ".png", "sizes", size + "x" + size, "type", "image/png",
                "purpose", "any");
    }
}
