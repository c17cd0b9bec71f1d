package org.peerlet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.peerlet.tracker.InfoHashes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for the tracker, run in its own JVM against {@link TrackerBenchServer} on loopback
 * (see {@code bench/tracker.sh}, which runs both). Two phases, each: connect the clients, spread
 * them over the admitted swarms (the baseline uses a tenth of the clients and of the swarms, so swarms
 * are as full in both), let every client announce with offers on a fixed period and answer
 * every offer it is relayed; warm up, then measure. The baseline phase uses a tenth of the clients,
 * so the last line reads as "what ten times the viewers costs".
 *
 * <p>Measured: announces sent and relayed offers/answers received per second; relay latency
 * (offer: announce sent to offer received by the other peer; answer: answer sent to answer received),
 * both through the tracker; the server's RSS ({@code /proc/PID/status}) and live heap (used after
 * {@code jcmd PID GC.run}) at the end of each phase, with the clients still connected.
 *
 * <p>Args: {@code <port> <server pid> <swarms> <clients> <measure seconds> <offers per announce> <announce period ms>}
 */
public final class TrackerLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WARMUP_SECONDS = 5;

    private final String url;
    private final long serverPid;
    private final int offersPerAnnounce;
    private final int periodMillis;
    private final List<HttpClient> https = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "load-timer");
        t.setDaemon(true);
        return t;
    });
    private final Random random = new Random(7);
    private final String sdpPadding = "a=candidate:" + "x".repeat(900);

    private volatile boolean measuring;
    private final AtomicLong announcesSent = new AtomicLong();
    private final AtomicLong replies = new AtomicLong();
    private final AtomicLong offersReceived = new AtomicLong();
    private final AtomicLong answersReceived = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong closedByServer = new AtomicLong();
    private final Samples offerLatency = new Samples();
    private final Samples answerLatency = new Samples();

    TrackerLoad(int port, long serverPid, int offersPerAnnounce, int periodMillis) {
        this.url = "ws://127.0.0.1:" + port + "/tracker/socket";
        this.serverPid = serverPid;
        this.offersPerAnnounce = offersPerAnnounce;
        this.periodMillis = periodMillis;
        for (int i = 0; i < 8; i++) https.add(HttpClient.newHttpClient());
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long pid = Long.parseLong(args[1]);
        int swarms = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int offers = Integer.parseInt(args[5]);
        int period = Integer.parseInt(args[6]);
        TrackerLoad load = new TrackerLoad(port, pid, offers, period);
        System.out.printf("tracker load: %d swarms, %d offers per announce, one announce per client every %d ms, %d s measured%n",
                swarms, offers, period, seconds);
        // The baseline keeps the same number of peers per swarm: a tenth of the clients in a tenth of the swarms.
        Result base = load.phase("baseline", Math.max(clients / 10, 2), Math.max(swarms / 10, 1), seconds);
        Result full = load.phase("full", clients, swarms, seconds);
        System.out.println();
        System.out.println(Result.HEADER);
        System.out.println(base.row());
        System.out.println(full.row());
        System.out.printf("ratio full/baseline: clients x%.1f, announces/s x%.2f, offers relayed/s x%.2f, "
                        + "offer relay p50 x%.2f p99 x%.2f, answer relay p99 x%.2f, RSS x%.2f, heap x%.2f%n",
                (double) full.clients / base.clients, full.announcesPerSecond / base.announcesPerSecond,
                full.offersPerSecond / base.offersPerSecond, full.offerP50 / base.offerP50, full.offerP99 / base.offerP99,
                full.answerP99 / base.answerP99, (double) full.rssKb / base.rssKb, (double) full.heapKb / base.heapKb);
        System.exit(0);
    }

    record Result(String name, int clients, int connected, double announcesPerSecond, double offersPerSecond,
                  double answersPerSecond, double offerP50, double offerP99, double answerP50, double answerP99,
                  long failures, long closed, long rssKb, long heapKb, double cpuCores, double cpuMsPerKiloOffer) {
        static final String HEADER = String.format("%-9s %7s %9s %11s %9s %9s %17s %18s %8s %6s %8s %8s %6s %12s",
                "phase", "clients", "connected", "announces/s", "offers/s", "answers/s", "offer p50/p99 ms",
                "answer p50/p99 ms", "failures", "closed", "RSS MB", "heap MB", "cores", "CPU ms/1k offers");

        String row() {
            return String.format("%-9s %7d %9d %11.0f %9.0f %9.0f %8.2f/%-8.2f %9.2f/%-8.2f %8d %6d %8.1f %8.1f %6.2f %12.0f",
                    name, clients, connected, announcesPerSecond, offersPerSecond, answersPerSecond, offerP50, offerP99,
                    answerP50, answerP99, failures, closed, rssKb / 1024.0, heapKb / 1024.0, cpuCores, cpuMsPerKiloOffer);
        }
    }

    Result phase(String name, int clients, int swarms, int seconds) throws Exception {
        System.out.printf("%s: connecting %d clients to %d swarms...%n", name, clients, swarms);
        List<Client> all = new ArrayList<>();
        Semaphore inFlight = new Semaphore(200);
        List<CompletableFuture<?>> connecting = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Client c = new Client(InfoHashes.forPlaylist(TrackerBenchServer.playlist(i % swarms), 0));
            all.add(c);
            inFlight.acquire();
            connecting.add(https.get(i % https.size()).newWebSocketBuilder().buildAsync(URI.create(url), c)
                    .orTimeout(20, TimeUnit.SECONDS)
                    .whenComplete((ws, e) -> {
                        inFlight.release();
                        if (ws != null) c.ws = ws;
                    }));
        }
        for (CompletableFuture<?> f : connecting) {
            try {
                f.join();
            } catch (RuntimeException e) {
                // counted below as not connected
            }
        }
        List<Client> live = all.stream().filter(c -> c.ws != null).toList();
        List<ScheduledFuture<?>> tasks = new ArrayList<>();
        for (Client c : live) {
            tasks.add(timer.scheduleAtFixedRate(c::announce, random.nextInt(periodMillis), periodMillis, TimeUnit.MILLISECONDS));
        }
        Thread.sleep(WARMUP_SECONDS * 1000L);
        reset();
        measuring = true;
        long start = System.nanoTime();
        long cpuStart = serverCpuMillis();
        Thread.sleep(seconds * 1000L);
        measuring = false;
        double secs = (System.nanoTime() - start) / 1e9;
        double cpuMillis = serverCpuMillis() - cpuStart;
        long rss = rssKb();
        long heap = heapUsedKb();
        tasks.forEach(t -> t.cancel(false));
        for (Client c : live) c.close();
        Thread.sleep(2000);
        Result r = new Result(name, clients, live.size(), announcesSent.get() / secs, offersReceived.get() / secs,
                answersReceived.get() / secs, offerLatency.percentile(50), offerLatency.percentile(99),
                answerLatency.percentile(50), answerLatency.percentile(99), failures.get(), closedByServer.get(), rss, heap,
                cpuMillis / 1000 / secs, cpuMillis * 1000 / Math.max(1, offersReceived.get()));
        System.out.println(Result.HEADER);
        System.out.println(r.row());
        return r;
    }

    private void reset() {
        announcesSent.set(0);
        replies.set(0);
        offersReceived.set(0);
        answersReceived.set(0);
        failures.set(0);
        closedByServer.set(0);
        offerLatency.clear();
        answerLatency.clear();
    }

    /**
     * The server's CPU time so far (user + system, from {@code /proc/PID/stat}): per relayed offer it is
     * the tracker's cost, which a busy machine does not change as it changes latencies.
     */
    private long serverCpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/" + serverPid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // clock ticks of 10 ms (USER_HZ 100)
        } catch (IOException | RuntimeException e) {
            System.err.println("cannot read the server's CPU time: " + e);
            return 0;
        }
    }

    private long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + serverPid + "/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (IOException e) {
            System.err.println("cannot read the server's RSS: " + e);
        }
        return -1;
    }

    /** Live heap: a full GC first ({@code jcmd GC.run}), then the used size of every generation. */
    private long heapUsedKb() {
        try {
            jcmd("GC.run");
            long sum = 0;
            boolean found = false;
            Pattern used = Pattern.compile("used (\\d+)K");
            String out = jcmd("GC.heap_info");
            for (String line : out.split("\n")) {
                if (line.contains("Metaspace") || line.contains("class space")) continue;
                if (!line.contains("generation") && !line.contains("heap")) continue;
                Matcher m = used.matcher(line);
                if (m.find()) {
                    sum += Long.parseLong(m.group(1));
                    found = true;
                }
            }
            if (found) return sum;
            System.err.println("cannot read the server's heap: " + out.strip());
        } catch (IOException | InterruptedException e) {
            System.err.println("cannot run jcmd: " + e);
        }
        return -1;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", String.valueOf(serverPid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    /** Latency samples in nanoseconds. */
    static final class Samples {
        private long[] values = new long[1 << 16];
        private int size;

        synchronized void add(long v) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }

        synchronized void clear() {
            size = 0;
        }

        /** In milliseconds. */
        synchronized double percentile(int p) {
            if (size == 0) return Double.NaN;
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy[Math.min(size - 1, (int) Math.ceil(p / 100.0 * size) - 1)] / 1e6;
        }
    }

    /** One simulated viewer: one socket, one swarm, one peer id. */
    final class Client implements WebSocket.Listener {
        final String infoHash;
        final String peerId;
        volatile WebSocket ws;
        private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
        private final StringBuilder partial = new StringBuilder();
        private boolean started;
        private int offerSeq;

        Client(String infoHash) {
            this.infoHash = infoHash;
            char[] id = new char[20];
            synchronized (random) {
                for (int i = 0; i < 20; i++) id[i] = (char) random.nextInt(256);
            }
            this.peerId = new String(id);
        }

        void announce() {
            ObjectNode m = JSON.createObjectNode();
            m.put("action", "announce");
            m.put("info_hash", infoHash);
            m.put("peer_id", peerId);
            m.put("numwant", offersPerAnnounce);
            m.put("uploaded", 0);
            m.put("downloaded", 0);
            if (!started) m.put("event", "started");
            started = true;
            var offers = m.putArray("offers");
            long now = System.nanoTime();
            for (int i = 0; i < offersPerAnnounce; i++) {
                ObjectNode o = offers.addObject();
                o.putObject("offer").put("type", "offer").put("sdp", "v=0\r\nt=" + now + "\r\n" + sdpPadding);
                o.put("offer_id", String.format("%020d", offerSeq++));
            }
            send(m.toString());
            if (measuring) announcesSent.incrementAndGet();
        }

        private void send(String text) {
            WebSocket socket = ws;
            if (socket == null) return;
            synchronized (this) {
                sending = sending.thenCompose(v -> socket.sendText(text, true)).exceptionally(e -> null);
            }
        }

        void close() {
            WebSocket socket = ws;
            if (socket == null) return;
            synchronized (this) {
                sending = sending.thenCompose(v -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"))
                        .orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> {
                            socket.abort();
                            return null;
                        });
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                handle(text);
            }
            webSocket.request(1);
            return null;
        }

        private void handle(String text) {
            JsonNode n;
            try {
                n = JSON.readTree(text);
            } catch (IOException e) {
                if (measuring) failures.incrementAndGet();
                return;
            }
            long now = System.nanoTime();
            if (n.has("failure reason")) {
                if (measuring) failures.incrementAndGet();
            } else if (n.has("offer")) {
                if (measuring) {
                    offersReceived.incrementAndGet();
                    offerLatency.add(now - sentAt(n.get("offer").path("sdp").asText()));
                }
                ObjectNode a = JSON.createObjectNode();
                a.put("action", "announce");
                a.put("info_hash", infoHash);
                a.put("peer_id", peerId);
                a.put("to_peer_id", n.get("peer_id").asText());
                a.put("offer_id", n.get("offer_id").asText());
                a.putObject("answer").put("type", "answer").put("sdp", "v=0\r\nt=" + System.nanoTime() + "\r\n" + sdpPadding);
                send(a.toString());
            } else if (n.has("answer")) {
                if (measuring) {
                    answersReceived.incrementAndGet();
                    answerLatency.add(now - sentAt(n.get("answer").path("sdp").asText()));
                }
            } else if (measuring) {
                replies.incrementAndGet();
            }
        }

        private long sentAt(String sdp) {
            int t = sdp.indexOf("t=");
            int end = sdp.indexOf('\r', t);
            return Long.parseLong(sdp.substring(t + 2, end));
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (statusCode != WebSocket.NORMAL_CLOSURE) {
                closedByServer.incrementAndGet();
                System.err.println("server closed a client: " + statusCode + " " + reason);
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closedByServer.incrementAndGet();
        }
    }
}
