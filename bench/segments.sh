#!/usr/bin/env bash
# Issue 20's segment benchmark: the same published HLS segments served by Peerlet (the shaded jar,
# under systemd/peerlet.service's JVM flags) and by nginx (Debian's nginx-light, its own config
# in a temp dir, sendfile on as Debian ships it), loaded by wrk with 40 segments fetched in turn.
# For 32 and 256 connections, back to back: nginx, Peerlet on a public video, Peerlet on the same
# video made private and fetched with a videoFileToken. Prints req/s, p99, the ratios, Peerlet's
# RSS and the load average (the machine may be shared: read the figures with it).
#
# The first run uploads an 82 s 720p clip and waits for its transcode; the data dir is kept in
# $STATE so later runs start at once. Bounded: about 6 x (BENCH_SECONDS + 3) s after start-up.
#
#   bench/segments.sh                                   # target/peerlet.jar, 10 s per figure
#   JAR=/tmp/old.jar BENCH_SECONDS=15 bench/segments.sh
#   apt-get install -y wrk nginx-light ffmpeg jq curl   # what it needs
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${JAR:-target/peerlet.jar}
PORT=${PORT:-9881}
NGINX_PORT=${NGINX_PORT:-9882}
SECS=${BENCH_SECONDS:-10}
STATE=${STATE:-target/bench-segments}
CONNECTIONS=${CONNECTIONS:-"32 256"}
PASSWORD=bench-admin-secret
for tool in wrk nginx ffmpeg jq curl; do
    command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install wrk nginx-light ffmpeg jq curl)"; exit 1; }
done
[ -f "$JAR" ] || { echo "no $JAR: mvn -B -ntp -q package -DskipTests"; exit 1; }
FLAGS=$(grep -oP '^ExecStart=/usr/bin/java \K.*(?= -jar)' systemd/peerlet.service)
mkdir -p "$STATE/data"
STATE=$(cd "$STATE" && pwd)
work=$(mktemp -d)
base=http://127.0.0.1:$PORT

# shellcheck disable=SC2086
java $FLAGS -jar "$JAR" --data-dir="$STATE/data" --host=127.0.0.1 --port="$PORT" --admin-password="$PASSWORD" \
    --transcoding-resolutions=720 --p2p-enabled=false >"$work/peerlet.log" 2>&1 &
peerlet=$!
nginx_pid=""
cleanup() {
    kill "$peerlet" 2>/dev/null || true
    wait "$peerlet" 2>/dev/null || true
    [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 120); do
    curl -sf "$base/api/v1/config" >/dev/null && break
    kill -0 "$peerlet" 2>/dev/null || { cat "$work/peerlet.log"; exit 1; }
    sleep 0.5
done

client=$(curl -sf "$base/api/v1/oauth-clients/local")
token=$(curl -sf "$base/api/v1/users/token" -d grant_type=password -d username=admin --data-urlencode "password=$PASSWORD" \
    -d client_id="$(jq -r .client_id <<<"$client")" -d client_secret="$(jq -r .client_secret <<<"$client")" | jq -r .access_token)
auth="Authorization: Bearer $token"

if [ ! -s "$STATE/video-id" ]; then
    echo "first run: making and transcoding an 82 s 720p clip (once)"
    ffmpeg -v error -y -f lavfi -i "testsrc2=size=1280x720:rate=25,noise=alls=12:allf=t" -f lavfi -i "sine=frequency=440" \
        -t 82 -c:v libx264 -preset ultrafast -crf 18 -c:a aac "$work/clip.mp4"
    channel=$(curl -sf -H "$auth" "$base/api/v1/users/me" | jq -r '.videoChannels[0].id')
    curl -sf -H "$auth" -F name=bench -F channelId="$channel" -F privacy=1 -F "videofile=@$work/clip.mp4;type=video/mp4" \
        "$base/api/v1/videos/upload" | jq -r .video.id >"$STATE/video-id.tmp"
    id=$(cat "$STATE/video-id.tmp")
    for _ in $(seq 1 600); do
        [ "$(curl -sf -H "$auth" "$base/api/v1/videos/$id" | jq -r .state.id)" = 1 ] && break
        sleep 1
    done
    mv "$STATE/video-id.tmp" "$STATE/video-id"
fi
id=$(cat "$STATE/video-id")
uuid=$(curl -sf -H "$auth" "$base/api/v1/videos/$id" | jq -r .uuid)
hls="$STATE/data/hls/$uuid"
mapfile -t segs < <(cd "$hls" && ls 720-*.m4s | sort -t- -k2 -n | head -40)
echo "segments: ${#segs[@]} of $(du -b "$hls"/720-*.m4s | awk '{s+=$1; n++} END {printf "%d bytes on average", s/n}')"

mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    types { video/iso.segment m4s; }
    client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
    uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location /static/streaming-playlists/hls/ { alias $STATE/data/hls/; }
    }
}
EOF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" 2>"$work/nginx/start.log" &
nginx_pid=$!
for _ in $(seq 1 20); do curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT/static/streaming-playlists/hls/$uuid/${segs[0]}" && break; sleep 0.2; done

# wrk script: each connection walks the 40 segments in turn.
lua() { # $1: query string to append (empty or ?videoFileToken=...)
    printf 'local paths = {\n'
    for s in "${segs[@]}"; do printf '  "/static/streaming-playlists/hls/%s/%s%s",\n' "$uuid" "$s" "$1"; done
    printf '}\nlocal i = 0\nrequest = function()\n  i = i %% #paths + 1\n  return wrk.format("GET", paths[i])\nend\n'
}
run() { # $1 base URL, $2 connections, $3 lua file, $4 seconds -> "req/s p99"
    wrk -t2 -c"$2" -d"$4"s --latency -s "$3" "$1" >"$work/wrk.out" 2>&1 || { cat "$work/wrk.out"; return 1; }
    if grep -q "Non-2xx" "$work/wrk.out"; then grep "Non-2xx" "$work/wrk.out" >&2; fi
    awk '/Requests\/sec/ {r=$2} /^ +99%/ {p=$2} END {print r, p}' "$work/wrk.out"
}
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v/1000; else if (v ~ /ms$/) printf "%.2f", v+0; else printf "%.2f", v*1000 }'; }
rss() { awk '/VmRSS/ {print int($2/1024) " MB"}' "/proc/$peerlet/status"; }

lua "" >"$work/public.lua"
run "$base" 32 "$work/public.lua" 5 >/dev/null   # warm-up (C1 compiles the serving path)
run "http://127.0.0.1:$NGINX_PORT" 32 "$work/public.lua" 3 >/dev/null
echo "Peerlet RSS after warm-up: $(rss)"

for c in $CONNECTIONS; do
    curl -sf -X PUT -H "$auth" -H "Content-Type: application/json" -d '{"privacy":1}' "$base/api/v1/videos/$id"
    load=$(cut -d' ' -f1 /proc/loadavg)
    read -r n_rps n_p99 < <(run "http://127.0.0.1:$NGINX_PORT" "$c" "$work/public.lua" "$SECS")
    read -r p_rps p_p99 < <(run "$base" "$c" "$work/public.lua" "$SECS")
    curl -sf -X PUT -H "$auth" -H "Content-Type: application/json" -d '{"privacy":3}' "$base/api/v1/videos/$id"
    file_token=$(curl -sf -X POST -H "$auth" "$base/api/v1/videos/$id/token" | jq -r .files.token)
    lua "?videoFileToken=$file_token" >"$work/private.lua"
    read -r t_rps t_p99 < <(run "$base" "$c" "$work/private.lua" "$SECS")
    printf '%4d conn (load %s): nginx %8.0f req/s p99 %7s ms | Peerlet public %8.0f req/s p99 %7s ms = %.2fx nginx | private+token %8.0f req/s p99 %7s ms = %.2fx public (token check costs %.0f%%) | Peerlet RSS %s\n' \
        "$c" "$load" "$n_rps" "$(ms "$n_p99")" "$p_rps" "$(ms "$p_p99")" "$(echo "$p_rps / $n_rps" | bc -l)" \
        "$t_rps" "$(ms "$t_p99")" "$(echo "$t_rps / $p_rps" | bc -l)" "$(echo "(1 - $t_rps / $p_rps) * 100" | bc -l)" "$(rss)"
done
curl -sf -X PUT -H "$auth" -H "Content-Type: application/json" -d '{"privacy":1}' "$base/api/v1/videos/$id"
