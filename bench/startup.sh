#!/usr/bin/env bash
# Start-up time and resident memory of Peerlet, with the JVM flags of systemd/peerlet.service,
# against a minimal JDK HTTP server measured in the same run.
#   bash bench/startup.sh          (builds target/peerlet.jar first if it is missing)
# Prints: ms from exec to the first 200 on /api/v1/config, RSS after start and after 100
# requests, and Peerlet / baseline ratios. Loopback only; everything it starts, it stops.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/peerlet.jar ] || mvn -B -ntp -q package -DskipTests
FLAGS=$(grep -oP '^ExecStart=/usr/bin/java \K.*(?= -jar)' systemd/peerlet.service)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
javac -d "$work" bench/Baseline.java

now_ms() { date +%s%3N; }
rss_kb() { awk '/VmRSS/ {print $2}' /proc/"$1"/status; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# measure NAME CMD...: start, wait for the first 200, 100 requests, read RSS, stop.
measure() {
    local name=$1 port=$2; shift 2
    local t0 pid up rss1 rss2
    t0=$(now_ms)
    "$@" >"$work/$name.log" 2>&1 &
    pid=$!
    until curl -fs -o /dev/null "http://127.0.0.1:$port/api/v1/config"; do
        kill -0 $pid 2>/dev/null || { echo "$name died:"; cat "$work/$name.log"; exit 1; }
        sleep 0.01
    done
    up=$(( $(now_ms) - t0 ))
    sleep 1
    rss1=$(rss_kb $pid)
    for _ in $(seq 100); do curl -fs -o /dev/null "http://127.0.0.1:$port/api/v1/config"; done
    rss2=$(rss_kb $pid)
    kill $pid; wait $pid 2>/dev/null || true
    echo "$name $up $rss1 $rss2"
}

p1=$(free_port); p2=$(free_port)
read -r _ b_up b_rss1 b_rss2 < <(measure baseline "$p1" java $FLAGS -cp "$work" Baseline "$p1")
read -r _ p_up p_rss1 p_rss2 < <(measure peerlet "$p2" env PEERLET_DATA_DIR="$work/data" PEERLET_PORT="$p2" \
    PEERLET_ADMIN_PASSWORD=bench-password java $FLAGS -jar target/peerlet.jar)

echo "JVM flags: $FLAGS"
printf '%-10s %12s %16s %22s\n' "" "start (ms)" "RSS idle (MB)" "RSS after 100 req (MB)"
printf '%-10s %12d %16.1f %22.1f\n' baseline "$b_up" "$(echo "$b_rss1/1024" | bc -l)" "$(echo "$b_rss2/1024" | bc -l)"
printf '%-10s %12d %16.1f %22.1f\n' peerlet "$p_up" "$(echo "$p_rss1/1024" | bc -l)" "$(echo "$p_rss2/1024" | bc -l)"
printf 'ratio peerlet/baseline: start %.2f, RSS %.2f\n' "$(echo "$p_up/$b_up" | bc -l)" "$(echo "$p_rss2/$b_rss2" | bc -l)"
echo "goals: start <= 1500 ms, idle RSS <= 96 MB"
