package org.peerlet.moderation;

import org.peerlet.account.Account;
import org.peerlet.account.AccountJson;
import org.peerlet.channel.ChannelJson;
import org.peerlet.common.Times;
import org.peerlet.instance.Urls;
import org.peerlet.social.SocialService;
import org.peerlet.video.Video;
import org.peerlet.video.VideoJson;
import org.peerlet.video.VideoService;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reports as PeerTube's API shows them: {@code AdminAbuse} to moderators, {@code UserAbuse} to their reporter. */
final class AbuseJson {
    private final Abuses abuses;
    private final VideoService videos;
    private final VideoJson videoJson;
    private final SocialService social;
    private final Urls urls;

    AbuseJson(Abuses abuses, VideoService videos, VideoJson videoJson, SocialService social, Urls urls) {
        this.abuses = abuses;
        this.videos = videos;
        this.videoJson = videoJson;
        this.social = social;
        this.urls = urls;
    }

    Map<String, Object> forModerators(Abuse a) {
        Map<String, Object> m = common(a);
        m.put("reporterAccount", account(a.reporterAccountId()));
        m.put("moderationComment", a.moderationComment());
        m.put("countReportsForReporter", a.reporterAccountId() == null ? 0 : abuses.countByReporter(a.reporterAccountId()));
        m.put("countReportsForReportee", a.flaggedAccountId() == null ? 0 : abuses.countByFlagged(a.flaggedAccountId()));
        return m;
    }

    Map<String, Object> forReporter(Abuse a) {
        return common(a);
    }

    private Map<String, Object> common(Abuse a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("reason", a.reason());
        m.put("predefinedReasons", a.predefinedReasons());
        m.put("flaggedAccount", account(a.flaggedAccountId()));
        m.put("state", Map.of("id", a.state(), "label", a.stateLabel()));
        if (a.videoName() != null) m.put("video", video(a));
        if (a.commentText() != null) m.put("comment", comment(a));
        m.put("createdAt", Times.iso(a.createdAt()));
        m.put("updatedAt", Times.iso(a.updatedAt()));
        m.put("countMessages", abuses.countMessages(a.id()));
        return m;
    }

    private Map<String, Object> account(Long id) {
        return abuses.account(id).map(acc -> AccountJson.account(acc, urls)).orElse(null);
    }

    /** PeerTube's {@code AdminVideoAbuse}: the video as it is now, or its name as reported once it is gone. */
    private Map<String, Object> video(Abuse a) {
        Optional<Video> v = Optional.ofNullable(a.videoId()).flatMap(id -> videos.find(String.valueOf(id)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.map(Video::id).orElse(0L));
        m.put("name", v.map(Video::name).orElse(a.videoName()));
        m.put("uuid", v.map(Video::uuid).orElse(""));
        m.put("shortUUID", v.map(Video::shortUuid).orElse(""));
        m.put("nsfw", v.map(Video::nsfw).orElse(false));
        m.put("deleted", v.isEmpty());
        m.put("blacklisted", v.map(x -> videoJson.summary(x).get("blacklisted")).orElse(false));
        m.put("startAt", a.startAt());
        m.put("endAt", a.endAt());
        m.put("thumbnails", v.map(x -> videoJson.summary(x).get("thumbnails")).orElse(List.of()));
        v.ifPresent(x -> m.put("channel", ChannelJson.channel(x.channel(), x.account(), urls)));
        // PeerTube's UserAbuse keeps the admin's video shape: the counts are there for the reporter too.
        m.put("countReports", v.map(x -> abuses.countOfVideo(x.id())).orElse(1));
        m.put("nthReport", v.map(x -> abuses.nthOfVideo(x.id(), a.id())).orElse(1));
        return m;
    }

    /** PeerTube's {@code AdminVideoCommentAbuse}: the comment's text as it was reported. */
    private Map<String, Object> comment(Abuse a) {
        var c = Optional.ofNullable(a.commentId()).flatMap(social::byId);
        Optional<Video> v = c.flatMap(x -> videos.find(String.valueOf(x.videoId())));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.map(x -> x.id()).orElse(0L));
        m.put("threadId", c.map(x -> x.thread()).orElse(0L));
        m.put("video", Map.of("id", v.map(Video::id).orElse(0L), "name", v.map(Video::name).orElse(""),
                "uuid", v.map(Video::uuid).orElse("")));
        m.put("text", a.commentText());
        m.put("deleted", c.map(x -> x.isDeleted()).orElse(true));
        return m;
    }

    Map<String, Object> message(AbuseRepository.Message msg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", msg.id());
        m.put("message", msg.message());
        m.put("byModerator", msg.byModerator());
        m.put("createdAt", Times.iso(msg.createdAt()));
        m.put("account", abuses.account(msg.accountId()).map(this::summary).orElse(null));
        return m;
    }

    private Map<String, Object> summary(Account acc) {
        Map<String, Object> full = AccountJson.account(acc, urls);
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : List.of("id", "name", "displayName", "url", "host", "avatars")) m.put(k, full.get(k));
        return m;
    }
}
