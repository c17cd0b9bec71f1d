package org.peerlet.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.peerlet.testing.SmtpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Forgot your password?" as a person does it: the link on the login page, the address typed in,
 * the mail read from a real SMTP server, its link opened, a new password chosen and used; the same
 * link opened again says it no longer works.
 */
class ForgotPasswordBrowserTest extends BrowserPages {
    static SmtpServer smtp;

    @BeforeAll
    static void start() throws Exception {
        smtp = SmtpServer.start();
        String admin = startServer("forgot-password", smtp.settings());
        server.api().createUser(admin, "rosa", "rosa-old-secret");
        startBrowser("--window-size=1000,800", "--lang=en-US");
    }

    @AfterAll
    static void stopSmtp() {
        smtp.close();
    }

    @Test
    void aForgottenPasswordIsResetThroughTheMailedLinkOnce() throws Exception {
        open("/login");
        driver.findElement(By.id("forgot-link")).click();
        driver.findElement(By.id("forgot-email")).sendKeys("rosa@example.org");
        driver.findElement(By.cssSelector("#forgot-form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("forgot-sent")));

        JsonNode mail = smtp.awaitMail("rosa@example.org", 1);
        String publicUrl = server.app().settings().publicUrl();
        String link = SmtpServer.link(mail, publicUrl + "/reset-password?");
        String path = link.substring(publicUrl.length());

        open(path);
        driver.findElement(By.id("reset-password")).sendKeys("rosa-new-secret");
        driver.findElement(By.id("reset-password-again")).sendKeys("rosa-new-secret");
        driver.findElement(By.cssSelector("#reset-form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reset-done")));
        shot("reset-password-done");
        assertThat(server.api().login("rosa", "rosa-old-secret").status()).isEqualTo(400);
        login("rosa", "rosa-new-secret");

        driver.executeCdpCommand("Storage.clearDataForOrigin", java.util.Map.of("origin", base, "storageTypes", "all"));
        open(path);
        driver.findElement(By.id("reset-password")).sendKeys("rosa-third-secret");
        driver.findElement(By.id("reset-password-again")).sendKeys("rosa-third-secret");
        driver.findElement(By.cssSelector("#reset-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reset-result"), "already used"));
        assertThat(server.api().login("rosa", "rosa-new-secret").status()).isEqualTo(200);
    }
}
