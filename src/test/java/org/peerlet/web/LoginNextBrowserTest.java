package org.peerlet.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestServer;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The login page's {@code next=} leads only to a path of this site, whatever a link puts there. */
class LoginNextBrowserTest extends BrowserPages {

    @BeforeAll
    static void start() throws Exception {
        startServer("login-next");
        startBrowser("--window-size=1000,800", "--lang=en-US");
    }

    @Test
    void afterLoggingInNextLeadsOnlyToAPathOfThisSite() {
        List<String> elsewhere = List.of("//example.org/x", "/\\example.org/x", "/\t/example.org/x", "\\\\example.org/x",
                "https://example.org/x", "javascript:alert(1)");
        for (String next : elsewhere) {
            logInFrom(next);
            wait.until(d -> (base + "/").equals(d.getCurrentUrl()));
            assertThat(driver.getCurrentUrl()).as(next).isEqualTo(base + "/");
        }
        logInFrom("/my-videos?sort=-views");
        wait.until(d -> (base + "/my-videos?sort=-views").equals(d.getCurrentUrl()));
    }

    private static void logInFrom(String next) {
        open("/login?next=" + Api.enc(next));
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(TestServer.ADMIN_PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav"), "(admin)"));
    }
}
