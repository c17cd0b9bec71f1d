#!/usr/bin/env bash
# Tracker benchmark: starts Peerlet's tracker (TrackerBenchServer, the real App on 127.0.0.1 with
# SWARMS admitted swarms) in one JVM and the load generator (TrackerLoad) in another, runs a
# baseline phase with CLIENTS/10 WebSocket clients and a full phase with CLIENTS, prints both and
# their ratio, then stops the server it started. Loopback only; bounded by count and time
# (about 2 x (connect + 5 s warm-up + SECONDS) plus start-up).
#
#   bench/tracker.sh                      # defaults below
#   CLIENTS=2000 BENCH_SECONDS=15 bench/tracker.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-9871}
SWARMS=${SWARMS:-300}
CLIENTS=${CLIENTS:-4000}
SECONDS_MEASURED=${BENCH_SECONDS:-20}
OFFERS=${OFFERS:-5}          # offers per announce (p2p-media-loader sends up to 10)
PERIOD_MS=${PERIOD_MS:-5000} # announce period per client (real clients: 120 s; compressed to make load)
SERVER_HEAP=${SERVER_HEAP:-256m}

# Each client holds a socket in both JVMs.
ulimit -n "$(( CLIENTS * 2 + 1024 ))" 2>/dev/null || ulimit -n "$(ulimit -Hn)"

mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench.cp)"

fifo=$(mktemp -u)
mkfifo "$fifo"
exec 3<>"$fifo"   # the server's stdin: closing it stops the server
log=$(mktemp)
java -Xmx"$SERVER_HEAP" -XX:+UseSerialGC -cp "$CP" org.peerlet.bench.TrackerBenchServer "$PORT" "$SWARMS" <"$fifo" >"$log" 2>&1 &
server=$!
cleanup() {
    exec 3>&- || true
    sleep 1
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    rm -f "$fifo"
}
trap cleanup EXIT

for _ in $(seq 1 60); do
    grep -q '^READY' "$log" && break
    kill -0 "$server" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.5
done
grep -q '^READY' "$log" || { echo "the server did not start"; cat "$log"; exit 1; }
echo "server: $(grep '^READY' "$log") heap $SERVER_HEAP"

timeout 600 java -Xmx1g -cp "$CP" org.peerlet.bench.TrackerLoad "$PORT" "$server" "$SWARMS" "$CLIENTS" \
    "$SECONDS_MEASURED" "$OFFERS" "$PERIOD_MS"
