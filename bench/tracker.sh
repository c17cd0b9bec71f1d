#!/usr/bin/env bash
# Tracker benchmark, Peerlet against PeerTube's own tracker: the same load (TrackerLoad, its own
# JVM) first against Peerlet's tracker (TrackerBenchServer: the real App on 127.0.0.1 with SWARMS
# admitted swarms, under systemd/peerlet.service's JVM flags), then against PeerTube's
# (@peertube/bittorrent-tracker-server from npm, mounted as PeerTube mounts it: bench/peertube-tracker.mjs).
# Each run has a baseline phase (CLIENTS/10 WebSocket clients) and a full one (CLIENTS); the last
# lines put the two full phases side by side with the ratios and the load average. Loopback only;
# bounded by count and time (per server about 2 x (connect + 5 s warm-up + BENCH_SECONDS) plus start-up).
#
#   bench/tracker.sh                                               # defaults below
#   CLIENTS=2000 PERIOD_MS=2000 BENCH_SECONDS=10 bench/tracker.sh  # issue 20's load
#   ONLY=peerlet bench/tracker.sh                                  # without PeerTube's (no node needed)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-9871}
SWARMS=${SWARMS:-300}
CLIENTS=${CLIENTS:-4000}
SECONDS_MEASURED=${BENCH_SECONDS:-20}
OFFERS=${OFFERS:-5}          # offers per announce (p2p-media-loader sends up to 10)
PERIOD_MS=${PERIOD_MS:-5000} # announce period per client (real clients: 120 s; compressed to make load)
ONLY=${ONLY:-}
PEERTUBE_TRACKER=${PEERTUBE_TRACKER:-11.1.2} # @peertube/bittorrent-tracker-server version
# The unit's flags (its heap, C1 only), so the figures are the ones a Pi would see; override to compare.
SERVER_FLAGS=${SERVER_FLAGS:-$(grep -oP '^ExecStart=/usr/bin/java \K.*(?= -jar)' systemd/peerlet.service)}

# Each client holds a socket in both processes.
ulimit -n "$(( CLIENTS * 2 + 1024 ))" 2>/dev/null || ulimit -n "$(ulimit -Hn)"

mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench.cp)"
work=$(mktemp -d)
server=""
stop_server() {
    [ -n "$server" ] || return 0
    exec 3>&- 2>/dev/null || true
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    server=""
}
trap 'stop_server; rm -rf "$work"' EXIT

await_ready() { # $1 log
    for _ in $(seq 1 120); do
        grep -q '^READY' "$1" && return 0
        kill -0 "$server" 2>/dev/null || { cat "$1"; exit 1; }
        sleep 0.5
    done
    echo "the server did not start"; cat "$1"; exit 1
}

load() { # $1 name: runs TrackerLoad against the server listening on PORT, output in $work/$1.out
    echo "== $1: $(grep '^READY' "$work/$1.log") (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    timeout 600 java -Xmx1g -cp "$CP" org.peerlet.bench.TrackerLoad "$PORT" "$server" "$SWARMS" "$CLIENTS" \
        "$SECONDS_MEASURED" "$OFFERS" "$PERIOD_MS" | tee "$work/$1.out"
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

if [ "$ONLY" != peertube ]; then
    mkfifo "$work/stdin"
    exec 3<>"$work/stdin"   # the server's stdin: closing it stops the server
    # shellcheck disable=SC2086
    java $SERVER_FLAGS -cp "$CP" org.peerlet.bench.TrackerBenchServer "$PORT" "$SWARMS" <"$work/stdin" >"$work/peerlet.log" 2>&1 &
    server=$!
    await_ready "$work/peerlet.log"
    load peerlet
    stop_server
fi

if [ "$ONLY" != peerlet ]; then
    node_dir=target/bench-peertube-tracker
    if [ ! -d "$node_dir/node_modules/@peertube/bittorrent-tracker-server" ]; then
        mkdir -p "$node_dir"
        (cd "$node_dir" && npm install --no-audit --no-fund --silent "@peertube/bittorrent-tracker-server@$PEERTUBE_TRACKER" ws@8)
    fi
    cp bench/peertube-tracker.mjs "$node_dir/"
    node "$node_dir/peertube-tracker.mjs" "$PORT" >"$work/peertube.log" 2>&1 &
    server=$!
    await_ready "$work/peertube.log"
    load peertube
    stop_server
fi

if [ -z "$ONLY" ]; then
    full() { grep '^full ' "$work/$1.out" | tail -1; }
    read -r _ _ _ p_ann p_off _ p_op _ _ _ p_rss _ p_cores p_cpu _ < <(full peerlet)
    read -r _ _ _ t_ann t_off _ t_op _ _ _ t_rss _ t_cores t_cpu _ < <(full peertube)
    echo
    printf '%-9s %11s %9s %17s %8s %6s %16s\n' tracker announces/s offers/s "offer p50/p99 ms" "RSS MB" cores "CPU ms/1k offers"
    printf '%-9s %11s %9s %17s %8s %6s %16s\n' peerlet "$p_ann" "$p_off" "$p_op" "$p_rss" "$p_cores" "$p_cpu"
    printf '%-9s %11s %9s %17s %8s %6s %16s\n' peertube "$t_ann" "$t_off" "$t_op" "$t_rss" "$t_cores" "$t_cpu"
    awk -v n="$CLIENTS" -v a="$p_ann" -v b="$t_ann" -v c="$p_off" -v d="$t_off" -v e="$p_rss" -v f="$t_rss" -v g="$p_cpu" -v h="$t_cpu" 'BEGIN {
        printf "Peerlet/PeerTube at %s clients: announces/s x%.2f, offers relayed/s x%.2f, RSS x%.2f, CPU per offer x%.2f\n", n, a/b, c/d, e/f, g/h }'
fi
