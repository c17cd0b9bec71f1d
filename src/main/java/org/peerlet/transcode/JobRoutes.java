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
    private final VideoService videos;
    private final TranscodeWorker worker;

    public JobRoutes(VideoService videos, TranscodeWorker worker) {
        this.videos = videos;
        this.worker = worker;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/jobs", this::list, Access.ADMIN);
        r.post("/api/v1/jobs/{id}/retry", this::retry, Access.ADMIN);
        r.get("/api/v1/videos/{id}/transcoding", this::ofVideo, Access.USER);
    }

    private void list(Context ctx) {
        Paging p = Paging.of(ctx);
        String state = ctx.queryParam("state");
        if (state != null && !List.of(JobRepository.WAITING, JobRepository.RUNNING, JobRepository.DONE,
                JobRepository.FAILED).contains(state)) {
            throw ApiError.badRequest("state must be waiting, running, done or failed");
        }
        List<Map<String, Object>> data = worker.jobs(state, p.start(), p.count()).stream().map(JobRoutes::json).toList();
        ctx.json(Paging.result(worker.countJobs(state), data));
    }

    private void retry(Context ctx) {
        long id = org.peerlet.http.PathParams.id(ctx, "id", "job");
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
        m.put("type", "video-transcoding");
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
