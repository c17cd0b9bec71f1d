package org.peerlet.video;

import java.util.List;

/** What an uploader or owner says about a video (the fields of upload and update forms). */
public record VideoMetadata(String name, String description, String support, Integer category, Integer licence,
                            String language, Privacy privacy, boolean nsfw, int commentsPolicy,
                            boolean downloadEnabled, boolean waitTranscoding, Long originallyPublishedAt,
                            List<String> tags) {
}
