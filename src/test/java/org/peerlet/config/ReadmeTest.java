package org.peerlet.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** README's settings table and test command stay true to the code and to CI. */
class ReadmeTest {

    @Test
    void everySettingIsInTheReadmeWithItsFlagAndDefault() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (Setting<?> s : Settings.ALL) {
            assertThat(readme).as(s.key()).contains("`" + s.envName() + "`").contains("`" + s.flagName() + "`");
        }
    }

    @Test
    void ciRunsExactlyTheReadmesTestCommand() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String ci = Files.readString(Path.of(".ci/run"));
        assertThat(readme).contains("    mvn -B -ntp verify\n");
        assertThat(ci).contains("\nmvn -B -ntp verify\n");
    }
}
