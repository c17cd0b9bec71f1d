#!/usr/bin/env bash
# The Raspberry Pi jar, tried on a PC: builds the linux-arm64 jar in a scratch clone, runs it under
# qemu-aarch64 with an arm64 JRE and the systemd unit's flags, logs in, uploads a clip shot "in
# portrait" (rotation metadata), waits until it is published and checks it came out upright.
# Prints both jars' sizes and the times seen under emulation (slow: compare runs, not to a Pi).
#
#   bench/arm64.sh
#
# Needs (installs nothing itself), on Debian/Ubuntu amd64:
#   dpkg --add-architecture arm64 && apt-get update
#   apt-get install -y qemu-user-static openjdk-17-jre-headless:arm64 libva2:arm64 libva-drm2:arm64 \
#       libdrm2:arm64 ffmpeg curl python3
# and the arm64 FFmpeg natives in Maven's cache (the first arm64 build downloads them).
set -euo pipefail
cd "$(dirname "$0")/.."
ARM_JAVA=${ARM_JAVA:-/usr/lib/jvm/java-17-openjdk-arm64/bin/java}
PORT=${PORT:-9177}
command -v qemu-aarch64-static >/dev/null || { echo "needs qemu-user-static (see the header)" >&2; exit 1; }
[ -e "$ARM_JAVA" ] || { echo "needs an arm64 JRE at $ARM_JAVA (see the header)" >&2; exit 1; }

WORK=$(mktemp -d /tmp/peerlet-arm64.XXXXXX)
cleanup() { [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

git clone -q . "$WORK/src"
(cd "$WORK/src" && mvn -B -ntp -q package -DskipTests -Dpeerlet.platform=linux-arm64)
JAR="$WORK/src/target/peerlet.jar"

# A 2 s 320x240 clip whose display matrix says "turn 90 degrees": it must publish upright, 240x320 (240p).
ffmpeg -v error -f lavfi -i testsrc2=size=320x240:rate=25 -f lavfi -i sine=frequency=440 -t 2 \
    -c:v libx264 -pix_fmt yuv420p -c:a aac "$WORK/flat.mp4"
ffmpeg -v error -i "$WORK/flat.mp4" -c copy -metadata:s:v:0 rotate=90 "$WORK/phone.mp4"

FLAGS=$(grep -oP '^ExecStart=/usr/bin/java \K.*(?= -jar)' systemd/peerlet.service)
t0=$(date +%s.%N)
PEERLET_ADMIN_PASSWORD=bench-password PEERLET_PORT=$PORT PEERLET_DATA_DIR="$WORK/data" \
    qemu-aarch64-static "$ARM_JAVA" $FLAGS -jar "$JAR" > "$WORK/peerlet.log" 2>&1 &
PID=$!
B=http://localhost:$PORT
until curl -sf "$B/api/v1/config" >/dev/null; do
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/peerlet.log" >&2; exit 1; }
    sleep 0.5
done
up=$(echo "$(date +%s.%N) - $t0" | bc)

json() { python3 -c "import sys, json; d = json.load(sys.stdin); print($1)"; }
client=$(curl -sf "$B/api/v1/oauth-clients/local")
token=$(curl -sf "$B/api/v1/users/token" -d grant_type=password -d username=admin -d password=bench-password \
    -d client_id="$(echo "$client" | json 'd["client_id"]')" -d client_secret="$(echo "$client" | json 'd["client_secret"]')" \
    | json 'd["access_token"]')
auth="Authorization: Bearer $token"
channel=$(curl -sf -H "$auth" "$B/api/v1/users/me" | json 'd["videoChannels"][0]["id"]')
t1=$(date +%s.%N)
id=$(curl -sf -H "$auth" -F videofile=@"$WORK/phone.mp4" -F channelId="$channel" -F name=phone -F privacy=1 \
    "$B/api/v1/videos/upload" | json 'd["video"]["id"]')
for _ in $(seq 1 240); do
    state=$(curl -sf -H "$auth" "$B/api/v1/videos/$id" | json 'd["state"]["id"]')
    [ "$state" != 2 ] && [ "$state" != 3 ] && break # 2 to transcode, 3 to import
    sleep 0.5
done
published=$(echo "$(date +%s.%N) - $t1" | bc)
size=$(curl -sf -H "$auth" "$B/api/v1/videos/$id" \
    | json '"{}x{}".format(d["streamingPlaylists"][0]["files"][0]["width"], d["streamingPlaylists"][0]["files"][0]["height"])')

x86=$(ls -l target/peerlet.jar 2>/dev/null | awk '{print $5}')
printf 'arm64 jar: %d bytes (this machine'"'"'s target/peerlet.jar: %s bytes)\n' "$(stat -c %s "$JAR")" "${x86:-not built}"
printf 'under qemu-aarch64: listening after %.1f s, portrait clip published in %.1f s (state %s) as %s\n' \
    "$up" "$published" "$state" "$size"
[ "$state" = 1 ] && [ "$size" = 240x320 ] || { echo "FAILED: expected state 1 (published) and 240x320" >&2; tail -20 "$WORK/peerlet.log" >&2; exit 1; }
echo "ok"
