package org.peerlet.video;

import java.util.LinkedHashMap;
import java.util.Map;

/** PeerTube's categories, licences and languages, so clients show the same labels. */
public final class VideoConstants {
    private VideoConstants() {
    }

    public static final Map<Integer, String> CATEGORIES = numbered("Music", "Films", "Vehicles", "Art", "Sports",
            "Travels", "Gaming", "People", "Comedy", "Entertainment", "News & Politics", "How To", "Education",
            "Activism", "Science & Technology", "Animals", "Kids", "Food");

    public static final Map<Integer, String> LICENCES = numbered("Attribution", "Attribution - Share Alike",
            "Attribution - No Derivatives", "Attribution - Non Commercial",
            "Attribution - Non Commercial - Share Alike", "Attribution - Non Commercial - No Derivatives",
            "Public Domain Dedication");

    public static final Map<String, String> LANGUAGES = pairs(
            "ar", "Arabic", "bg", "Bulgarian", "bn", "Bengali", "ca", "Catalan", "cs", "Czech", "cy", "Welsh",
            "da", "Danish", "de", "German", "el", "Greek", "en", "English", "eo", "Esperanto", "es", "Spanish",
            "et", "Estonian", "eu", "Basque", "fa", "Persian", "fi", "Finnish", "fr", "French", "ga", "Irish",
            "gd", "Gaelic", "gl", "Galician", "he", "Hebrew", "hi", "Hindi", "hr", "Croatian", "hu", "Hungarian",
            "id", "Indonesian", "is", "Icelandic", "it", "Italian", "ja", "Japanese", "ko", "Korean",
            "lt", "Lithuanian", "lv", "Latvian", "ms", "Malay", "nl", "Dutch", "no", "Norwegian", "oc", "Occitan",
            "pl", "Polish", "pt", "Portuguese", "ro", "Romanian", "ru", "Russian", "sk", "Slovak",
            "sl", "Slovenian", "sq", "Albanian", "sr", "Serbian", "sv", "Swedish", "sw", "Swahili", "ta", "Tamil",
            "th", "Thai", "tr", "Turkish", "uk", "Ukrainian", "ur", "Urdu", "vi", "Vietnamese", "zh", "Chinese",
            "br", "Breton", "co", "Corsican", "fy", "Frisian", "lb", "Luxembourgish", "mt", "Maltese",
            "sgn", "Sign Languages", "zxx", "No linguistic content");

    public static Map<Integer, String> privacies() {
        Map<Integer, String> m = new LinkedHashMap<>();
        for (Privacy p : Privacy.values()) m.put(p.id, p.label);
        return m;
    }

    private static Map<Integer, String> numbered(String... labels) {
        Map<Integer, String> m = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) m.put(i + 1, labels[i]);
        return m;
    }

    private static Map<String, String> pairs(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }
}
