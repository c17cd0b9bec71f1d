package org.peerlet.transcode;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.common.Times;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.account.Auth;
import org.peerlet.http.Json;
import org.peerlet.http.Paging;
import org.peerlet.http.RouteGroup;
import org.peerlet.video.Video;
import org.peerlet.video.VideoService;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Transcoding progress for people: the owner's view of one video, the admin's list and retry. */
public final class JobRoutes implements RouteGroup {
    private static final String TYPE = "video-transcoding";
    private final VideoService videos;
    private final TranscodeWorker worker;

    public JobRoutes(VideoService videos, TranscodeWorker worker) {
        this.videos = videos;
        this.worker = worker;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/jobs", ctx -> list(ctx, ctx.queryParam("state")), Access.ADMIN);
        r.get("/api/v1/jobs/{state}", ctx -> list(ctx, ctx.pathParam("state")), Access.ADMIN);
        r.post("/api/v1/jobs/{id}/retry", this::retry, Access.ADMIN);
        r.get("/api/v1/videos/{id}/transcoding", this::ofVideo, Access.USER);
    }

    /** PeerTube's job states, and ours each stands for; PeerTube's others (delayed, paused...) have no jobs here. */
    private static final Map<String, String> STATES = Map.of("waiting", JobRepository.WAITING,
            "active", JobRepository.RUNNING, "completed", JobRepository.DONE, "failed", JobRepository.FAILED);
    private static final List<String> EMPTY_STATES = List.of("delayed", "paused", "waiting-children", "prioritized");

    private void list(Context ctx, String asked) {
        Paging p = Paging.of(ctx);
        String state = asked == null ? "" : asked;
        String jobType = ctx.queryParam("jobType");
        boolean none = EMPTY_STATES.contains(state) || (jobType != null && !jobType.isEmpty() && !jobType.equals(TYPE));
        if (!state.isEmpty() && !STATES.containsKey(state) && !none) {
            throw ApiError.invalidParam("state", state);
        }
        if (none) {
            ctx.json(Paging.result(0, List.of()));
            return;
        }
        String ours = state.isEmpty() ? null : STATES.get(state);
        List<Map<String, Object>> data = worker.jobs(ours, p.start(), p.count()).stream().map(JobRoutes::peerTubeJson).toList();
        ctx.json(Paging.result(worker.countJobs(ours), data));
    }

    /** A job as PeerTube lists them; ours only in {@code data} (PeerTube's is free-form there too). */
    static Map<String, Object> peerTubeJson(JobRepository.Job j) {
        Map<String, Object> data = json(j);
        data.keySet().retainAll(List.of("videoId", "attempts", "progressPerResolution"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("state", STATES.entrySet().stream().filter(e -> e.getValue().equals(j.state())).map(Map.Entry::getKey)
                .findFirst().orElse("unknown"));
        m.put("type", TYPE);
        m.put("data", data);
        m.put("priority", 100);
        m.put("progress", json(j).get("progress"));
        m.put("error", j.error());
        m.put("createdAt", Times.iso(j.createdAt()));
        boolean ended = j.state().equals(JobRepository.DONE) || j.state().equals(JobRepository.FAILED);
        m.put("processedOn", j.state().equals(JobRepository.WAITING) ? null : Times.iso(j.updatedAt()));
        m.put("finishedOn", ended ? Times.iso(j.updatedAt()) : null);
        return m;
    }

    private void retry(Context ctx) {
        long id = org.peerlet.http.PathParams.id(ctx, "id");
        worker.retry(id);
        ctx.status(204);
    }

    private void ofVideo(Context ctx) {
        Video v = videos.manageable(ctx.pathParam("id"), Auth.required(ctx));
        JobRepository.Job job = worker.latestJob(v.id()).orElseThrow(() -> ApiError.notFound("no transcoding job"));
        Map<String, Object> m = json(job);
        m.put("videoState", Map.of("id", v.state().id, "label", v.state().label));
        ctx.json(m);
    }

    static Map<String, Object> json(JobRepository.Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("type", TYPE);
        m.put("state", j.state());
        m.put("videoId", j.videoId());
        m.put("attempts", j.attempts());
        m.put("progress", Math.round(j.progress() * 1000) / 10.0);
        m.put("progressPerResolution", j.progressDetail() == null ? Map.of() : Json.read(j.progressDetail()));
        m.put("error", j.error());
        m.put("createdAt", Times.iso(j.createdAt()));
        m.put("updatedAt", Times.iso(j.updatedAt()));
        return m;
    }
}
