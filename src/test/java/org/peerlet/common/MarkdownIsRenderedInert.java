package org.peerlet.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownIsRenderedInert {

    @Test
    void formattingLinksAndLineBreaks() {
        String html = Markdown.toHtml("Hello *world*\nsecond line\n\nSee https://example.org and [docs](https://example.org/d \"t\").");
        assertThat(html).contains("<em>world</em>").contains("<br>")
                .containsPattern("<a (?=[^>]*href=\"https://example.org\")(?=[^>]*rel=\"noopener nofollow ugc\")[^>]*>https://example.org</a>")
                .containsPattern("<a (?=[^>]*href=\"https://example.org/d\")(?=[^>]*title=\"t\")(?=[^>]*rel=\"noopener nofollow ugc\")[^>]*>docs</a>");
        assertThat(Markdown.toHtml(null)).isEmpty();
        assertThat(Markdown.toHtml("  ")).isEmpty();
    }

    @Test
    void rawHtmlIsEscaped() {
        String html = Markdown.toHtml("<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\ntext <b onclick=x>bold</b>"
                + "\n\n<iframe src=\"https://evil.example\"></iframe>");
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b ").doesNotContain("<iframe")
                .contains("&lt;script&gt;").contains("&lt;img src=x onerror=alert(2)&gt;");
    }

    @Test
    void dangerousLinksLoseTheirAddress() {
        for (String url : new String[]{"javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
                "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4=", "%6Aavascript:alert(1)", "&#106;avascript:alert(1)",
                " javascript:alert(1)", "file:///etc/passwd"}) {
            String html = Markdown.toHtml("[x](" + url + ") <" + url + ">");
            assertThat(html).as(url).doesNotContainPattern("(?i)href=\"[^\"]*(script|data|file):").doesNotContain("<a ")
                    .doesNotContainPattern("(?i)<[a-z]+ [^>]*script:");
        }
        assertThat(Markdown.toHtml("[x](javascript:alert(1))")).isEqualTo("<p>x</p>\n");
        assertThat(Markdown.toHtml("[home](/about)")).contains("href=\"/about\"");
        assertThat(Markdown.toHtml("[mail](mailto:a@example.org)")).contains("href=\"mailto:a@example.org\"");
    }

    @Test
    void imagesBecomeLinksSoNothingLoadsFromElsewhere() {
        String html = Markdown.toHtml("![a cat](https://tracker.example/pixel.png) ![](javascript:alert(1))");
        assertThat(html).doesNotContain("<img")
                .containsPattern("<a (?=[^>]*href=\"https://tracker.example/pixel.png\")[^>]*>a cat</a>")
                .doesNotContain("href=\"javascript:");
    }

    @Test
    void attributesCannotBeBrokenOutOf() {
        String html = Markdown.toHtml("[x](https://example.org/\"onmouseover=alert(1)) [y](<https://e.org/a\" b=\"c>)");
        assertThat(html).doesNotContain("\"onmouseover").doesNotContain("\" b=\"");
    }
}
