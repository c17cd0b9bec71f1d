package org.peerlet.video;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.account.Auth;
import org.peerlet.channel.ChannelJson;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.http.RouteGroup;
import org.peerlet.instance.Urls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code GET /api/v1/overviews/videos}, the "Discover" page of PeerTube's clients: the newest
 * videos the viewer may list, grouped by category, channel and tag (a few groups each, on one page).
 */
public final class OverviewRoutes implements RouteGroup {
    private static final int NEWEST = 60;
    private static final int GROUPS = 3;
    private static final int PER_GROUP = 6;

    private final VideoService service;
    private final VideoJson json;
    private final Urls urls;

    public OverviewRoutes(VideoService service, VideoJson json, Urls urls) {
        this.service = service;
        this.json = json;
        this.urls = urls;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/overviews/videos", this::overview, Access.ANYONE);
    }

    private void overview(Context ctx) {
        String page = ctx.queryParam("page");
        if (page != null && !page.matches("[1-9]\\d{0,3}")) throw ApiError.invalidParam("query", "page", page, "page must be 1 or more");
        List<Video> newest = page == null || page.equals("1") ? service.list(new VideoQuery(0, NEWEST, "-publishedAt",
                null, null, null, null, null, null, null, VideoAccess.listable(Auth.user(ctx)), null, false, null, null, null)
                .hidingMutedBy(org.peerlet.blocklist.Blockers.of(Auth.user(ctx))))
                : List.of();
        Map<Long, List<String>> tags = service.tags(newest);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channels", groups(newest, tags, v -> List.of(v.channel()),
                c -> Map.of("channel", ChannelJson.summary((org.peerlet.channel.Channel) c, urls))));
        m.put("categories", groups(newest, tags, v -> v.category() == null ? List.of() : List.of(v.category()),
                c -> Map.of("category", Map.of("id", c, "label", VideoConstants.CATEGORIES.getOrDefault((Integer) c, "Unknown")))));
        m.put("tags", groups(newest, tags, v -> tags.getOrDefault(v.id(), List.of()), t -> Map.of("tag", t)));
        ctx.json(m);
    }

    /** The first few groups by {@code keys} (a video may be in several), each headed by what {@code head} says of its key. */
    private List<Map<String, Object>> groups(List<Video> videos, Map<Long, List<String>> tags, Function<Video, List<?>> keys,
                                             Function<Object, Map<String, Object>> head) {
        Map<Object, List<Video>> grouped = new LinkedHashMap<>();
        for (Video v : videos) for (Object k : keys.apply(v)) grouped.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        List<Map<String, Object>> out = new ArrayList<>();
        grouped.entrySet().stream().limit(GROUPS).forEach(g -> {
            Map<String, Object> group = new LinkedHashMap<>(head.apply(g.getKey()));
            group.put("videos", summaries(g.getValue(), tags));
            out.add(group);
        });
        return out;
    }

    private List<Map<String, Object>> summaries(List<Video> videos, Map<Long, List<String>> tags) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Video v : videos.stream().limit(PER_GROUP).toList()) {
            Map<String, Object> s = json.summary(v);
            s.put("tags", tags.getOrDefault(v.id(), List.of()));
            out.add(s);
        }
        return out;
    }
}
