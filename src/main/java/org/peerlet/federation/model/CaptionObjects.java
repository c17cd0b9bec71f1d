package org.peerlet.federation.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.peerlet.caption.CaptionService;
import org.peerlet.video.VideoConstants;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Video object's {@code subtitleLanguage}, in PeerTube 8's shape: one entry per language with
 * its WebVTT file as a {@code Link} (PeerTube before 7 gave the file's address as a plain string,
 * which is read too).
 */
public final class CaptionObjects {
    private CaptionObjects() {
    }

    public static void write(ArrayNode subtitleLanguage, List<CaptionService.Link> captions) {
        for (CaptionService.Link c : captions) {
            var entry = subtitleLanguage.addObject();
            entry.put("identifier", c.language());
            entry.put("name", VideoConstants.LANGUAGES.getOrDefault(c.language(), c.language()));
            entry.put("automaticallyGenerated", false);
            entry.putArray("url").addObject().put("type", "Link").put("mediaType", "text/vtt").put("href", c.url());
        }
    }

    /** The captions a remote Video object lists, those whose file is on the video's own host only. */
    public static List<CaptionService.Link> read(JsonNode video, String videoUrl) {
        Map<String, CaptionService.Link> out = new LinkedHashMap<>();
        for (JsonNode c : video.path("subtitleLanguage")) {
            String language = As.text(c, "identifier");
            String href = null;
            JsonNode url = c.path("url");
            if (url.isTextual()) href = url.asText();
            for (JsonNode link : url.isArray() ? url : List.<JsonNode>of()) {
                if ("text/vtt".equals(As.text(link, "mediaType"))) href = As.text(link, "href");
            }
            boolean usable = href != null && (href.startsWith("https://") || href.startsWith("http://")) && As.sameHost(href, videoUrl);
            if (language != null && usable) out.putIfAbsent(language, new CaptionService.Link(language, href));
        }
        return new ArrayList<>(out.values());
    }
}
