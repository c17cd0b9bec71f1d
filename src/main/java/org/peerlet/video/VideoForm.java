package org.peerlet.video;

import org.peerlet.http.ApiError;
import org.peerlet.http.Body;
import org.peerlet.http.TextFields;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads and checks a video's metadata from a request, with PeerTube's limits. */
public final class VideoForm {
    private VideoForm() {
    }

    /** Metadata of a new video; absent fields take defaults. */
    public static VideoMetadata forNew(Body b, Privacy defaultPrivacy) {
        return read(b, new VideoMetadata(null, null, null, null, null, null, defaultPrivacy, false, 1,
                true, true, null, List.of()), true);
    }

    /** Metadata after an edit: absent fields keep their current value. */
    public static VideoMetadata forUpdate(Body b, Video v, List<String> tags) {
        return read(b, new VideoMetadata(v.name(), v.description(), v.support(), v.category(),
                v.licence(), v.language(), v.privacy(), v.nsfw(), v.commentsPolicy(), v.downloadEnabled(),
                v.waitTranscoding(), v.originallyPublishedAt(), tags), false);
    }

    private static VideoMetadata read(Body b, VideoMetadata cur, boolean isNew) {
        String name = b.text("name").orElse(cur.name());
        if (name == null && isNew) throw ApiError.badRequest("name is required");
        TextFields.oneLine("name", name, 3, 120);
        String description = b.has("description") ? b.text("description").orElse(null) : cur.description();
        TextFields.lines("description", description, 10_000);
        String support = b.has("support") ? b.text("support").orElse(null) : cur.support();
        TextFields.lines("support", support, 1000);
        Integer category = b.has("category") ? b.integer("category").orElse(null) : cur.category();
        if (category != null && !VideoConstants.CATEGORIES.containsKey(category)) {
            throw ApiError.badRequest("category " + category + " does not exist");
        }
        Integer licence = b.has("licence") ? b.integer("licence").orElse(null) : cur.licence();
        if (licence != null && !VideoConstants.LICENCES.containsKey(licence)) {
            throw ApiError.badRequest("licence " + licence + " does not exist");
        }
        String language = b.has("language") ? b.text("language").orElse(null) : cur.language();
        if (language != null && !VideoConstants.LANGUAGES.containsKey(language)) {
            throw ApiError.badRequest("language " + language + " is not known");
        }
        Privacy privacy = cur.privacy();
        if (b.has("privacy")) privacy = Privacy.asked(b.integer("privacy").orElse(cur.privacy().id), "privacy");
        int commentsPolicy = cur.commentsPolicy();
        if (b.has("commentsPolicy")) commentsPolicy = b.integer("commentsPolicy").orElse(1);
        else if (b.has("commentsEnabled")) commentsPolicy = b.bool("commentsEnabled").orElse(true) ? 1 : 2;
        if (commentsPolicy < 1 || commentsPolicy > 3) throw ApiError.badRequest("commentsPolicy must be 1, 2 or 3");
        Long originally = cur.originallyPublishedAt();
        if (b.has("originallyPublishedAt")) {
            originally = b.text("originallyPublishedAt").filter(s -> !s.isEmpty()).map(s -> {
                try {
                    return Instant.parse(s).toEpochMilli();
                } catch (DateTimeParseException e) {
                    throw ApiError.badRequest("originallyPublishedAt must be an ISO 8601 date");
                }
            }).orElse(null);
        }
        List<String> tags = b.list("tags").map(VideoForm::checkTags).orElse(cur.tags());
        return new VideoMetadata(name.strip(), description, support, category, licence, language, privacy,
                b.bool("nsfw").orElse(cur.nsfw()), commentsPolicy,
                b.bool("downloadEnabled").orElse(cur.downloadEnabled()),
                b.bool("waitTranscoding").orElse(cur.waitTranscoding()), originally, tags);
    }

    /**
     * The {@code videoPasswords} of an upload or update, checked: present and non-empty when the
     * video is to be password protected and has no password yet. Null when none were sent.
     */
    public static List<String> passwords(Body b, Privacy privacy, int existing) {
        List<String> list = b.list("videoPasswords").orElse(null);
        if (list != null) {
            for (String p : list) {
                if (p == null || p.length() < 2 || p.length() > 100) {
                    throw ApiError.badRequest("each video password must be 2 to 100 characters");
                }
            }
        }
        if (privacy == Privacy.PASSWORD_PROTECTED && existing == 0 && (list == null || list.isEmpty())) {
            throw ApiError.badRequest("a password-protected video needs videoPasswords");
        }
        if (privacy != Privacy.PASSWORD_PROTECTED && list != null && !list.isEmpty()) {
            throw ApiError.badRequest("videoPasswords are only for password-protected videos (privacy 5)");
        }
        return list;
    }

    private static List<String> checkTags(List<String> raw) {
        List<String> tags = new ArrayList<>();
        for (String t : raw) {
            String s = t.strip();
            TextFields.oneLine("each tag", s, 2, 30);
            if (!tags.contains(s)) tags.add(s);
        }
        if (tags.size() > 5) throw ApiError.badRequest("at most 5 tags");
        return tags;
    }
}
