package org.peerlet.web;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One headless Debian Chromium with its own profile, for tests that need several viewers at once.
 * WebRTC works between such browsers on one machine without STUN: host candidates are real
 * addresses rather than mDNS names (which cannot resolve here), see {@link #ownAddressesOnly()}.
 */
final class Chromium implements AutoCloseable {
    /**
     * Keeps WebRTC on this machine: drops every ICE candidate of a remote description whose address
     * is not one of this machine's own. Chromium gathers no loopback candidates when the machine has
     * another interface (loopback candidates are forbidden by ICE), so two local browsers connect
     * through the machine's own address, which the kernel delivers locally; this makes sure that a
     * candidate naming any other host is never tried.
     */
    static String ownAddressesOnly() {
        StringBuilder own = new StringBuilder("[");
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    String text = a.getHostAddress().replaceFirst("%.*$", "");
                    if (own.length() > 1) own.append(',');
                    own.append('"').append(text).append('"');
                }
            }
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
        own.append(']');
        return """
                (() => {
                  const own = new Set(%s);
                  const local = (line) => own.has(line.split(' ')[4]);
                  const keep = (sdp) => sdp.split('\\r\\n')
                    .filter((l) => !l.startsWith('a=candidate:') || local(l.slice(2))).join('\\r\\n');
                  const set = RTCPeerConnection.prototype.setRemoteDescription;
                  RTCPeerConnection.prototype.setRemoteDescription = function (d, ...rest) {
                    if (d && d.sdp) d = { type: d.type, sdp: keep(d.sdp) };
                    return set.call(this, d, ...rest);
                  };
                  const add = RTCPeerConnection.prototype.addIceCandidate;
                  RTCPeerConnection.prototype.addIceCandidate = function (c, ...rest) {
                    if (c && c.candidate && !local(c.candidate)) return Promise.resolve();
                    return add.call(this, c, ...rest);
                  };
                })();
                """.formatted(own);
    }

    /**
     * Watches the page's video: 'waiting' after the first 'playing' (a stall), the largest pause
     * of currentTime while playing, and the end.
     */
    static final String PLAYBACK_MONITOR = """
            (() => {
              const m = window.__playback = { playing: false, stalls: 0, ended: false, maxGapMs: 0, lastTime: 0, lastAdvance: 0 };
              document.addEventListener('playing', () => { m.playing = true; m.lastAdvance = performance.now(); }, true);
              document.addEventListener('waiting', (e) => { if (m.playing && !e.target.ended) m.stalls++; }, true);
              document.addEventListener('ended', () => { m.ended = true; }, true);
              document.addEventListener('timeupdate', (e) => {
                const v = e.target, now = performance.now();
                if (v.currentTime > m.lastTime) {
                  if (m.playing && m.lastAdvance) m.maxGapMs = Math.max(m.maxGapMs, now - m.lastAdvance);
                  m.lastAdvance = now;
                  m.lastTime = v.currentTime;
                }
              }, true);
            })();
            """;

    final ChromeDriver driver;

    /**
     * Debian's headless Chromium through its chromedriver, with a fresh profile: no network of its
     * own (background services off), autoplay allowed and muted, the browser log kept. Set by path,
     * so Selenium never tries to download a browser or a driver.
     */
    static ChromeDriver driver(Path profile, String... extraArgs) {
        return driver(profile, false, extraArgs);
    }

    /**
     * The same; with {@code networkLog}, the page's network events as Chromium's DevTools protocol
     * tells them (Network.requestWillBeSent and the rest, headers included) are kept in the
     * "performance" log, where a test reads what the page asked of the server.
     */
    static ChromeDriver driver(Path profile, boolean networkLog, String... extraArgs) {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--autoplay-policy=no-user-gesture-required", "--mute-audio", "--user-data-dir=" + profile);
        options.addArguments(extraArgs);
        options.setCapability("goog:loggingPrefs", networkLog ? Map.of("browser", "ALL", "performance", "ALL") : Map.of("browser", "ALL"));
        if (networkLog) options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    Chromium(Path profile, String... startupScripts) {
        driver = driver(profile, "--window-size=1000,800", "--disable-features=WebRtcHideLocalIpsWithMdns",
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding");
        for (String s : startupScripts) {
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", s));
        }
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncJs(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    double number(String expression) {
        Object o = js("return " + expression);
        return o instanceof Number n ? n.doubleValue() : 0;
    }

    void until(Duration timeout, String what, BooleanSupplier condition) {
        try {
            new WebDriverWait(driver, timeout, Duration.ofMillis(100)).withMessage(what).until(d -> condition.getAsBoolean());
        } catch (RuntimeException e) {
            dumpLog();
            throw e;
        }
    }

    /**
     * The browser's complaints about the Content-Security-Policy since last asked (Chromium logs a
     * refused script, style, connection, worker or frame as a console error naming the policy).
     * Reading the log empties it.
     */
    static List<String> cspViolations(WebDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy")).toList();
    }

    void dumpLog() {
        try {
            driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).forEach(System.out::println);
            System.out.println("p2p stats: " + js("return JSON.stringify(window.__p2pStats)"));
            System.out.println("playback: " + js("return JSON.stringify(window.__playback)"));
        } catch (RuntimeException ignored) {
            // the browser may be gone
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
