package org.peerlet.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    @Test
    void defaultsNeedNoConfiguration() {
        Settings s = Settings.load(Map.of(), List.of());
        assertThat(s.get(Settings.PORT)).isEqualTo(9000);
        assertThat(s.dataDir()).isEqualTo(Path.of("data"));
        assertThat(s.publicUrl()).isEqualTo("http://localhost:9000");
        assertThat(s.get(Settings.TRANSCODING_RESOLUTIONS)).containsExactly(240, 360, 480, 720);
    }

    @Test
    void fileThenEnvironmentThenFlagsEachWin(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("peerlet.properties"), "port=9100\npublic_url=https://a.example\nkeep_original=false\n");
        Map<String, String> env = Map.of("PEERLET_DATA_DIR", dir.toString(), "PEERLET_PORT", "9200");
        Settings s = Settings.load(env, List.of("--port=9300"));
        assertThat(s.get(Settings.PORT)).isEqualTo(9300);
        assertThat(s.get(Settings.PUBLIC_URL)).isEqualTo("https://a.example");
        assertThat(s.get(Settings.KEEP_ORIGINAL)).isFalse();
        assertThat(Settings.load(env, List.of()).get(Settings.PORT)).isEqualTo(9200);
        assertThat(Settings.load(Map.of("PEERLET_DATA_DIR", dir.toString()), List.of()).get(Settings.PORT)).isEqualTo(9100);
        assertThat(s.publicHost()).isEqualTo("a.example");
    }

    @Test
    void aBadValueNamesTheKeyAndTheValue() {
        assertThatThrownBy(() -> Settings.load(Map.of("PEERLET_PORT", "ninety"), List.of()))
                .isInstanceOf(BadSettingException.class)
                .hasMessageContaining("PEERLET_PORT").hasMessageContaining("ninety");
        assertThatThrownBy(() -> Settings.load(Map.of(), List.of("--public-url", "ftp://x")))
                .hasMessageContaining("PEERLET_PUBLIC_URL").hasMessageContaining("ftp://x");
        assertThatThrownBy(() -> Settings.load(Map.of(), List.of("--transcoding-resolutions=240,999")))
                .hasMessageContaining("999");
        assertThatThrownBy(() -> Settings.load(Map.of(), List.of("--no-such-flag=1")))
                .hasMessageContaining("--no-such-flag");
    }

    @Test
    void anUnknownKeyInTheFileIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("peerlet.properties"), "prot=9100\n");
        assertThatThrownBy(() -> Settings.load(Map.of("PEERLET_DATA_DIR", dir.toString()), List.of()))
                .hasMessageContaining("prot");
    }
}
