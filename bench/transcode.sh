#!/usr/bin/env bash
# Benchmark: Peerlet's in-process transcoder vs the ffmpeg CLI, same ladder and settings.
#
#   bench/transcode.sh [SECONDS]        (default 20)
#
# Makes a SECONDS-long 1280x720 30 fps H.264/AAC test clip with the ffmpeg CLI, then transcodes it to
# 720/480/360/240 (x264 veryfast, CRF 23 with a VBV cap, 2 s GOP = 2 s segments, AAC 128k, fMP4 HLS)
# three ways, and prints wall time and peak RSS of each:
#   1. Peerlet in-process: org.peerlet.bench.TranscodeBench (src/test/java) in its own JVM, launched
#      with the Maven test classpath; peak RSS from /usr/bin/time (whole JVM), and the JVM's own VmHWM.
#   2. the ffmpeg CLI once per rung (4 decodes);
#   3. one ffmpeg CLI doing all rungs from one decode (split filter).
# Needs (installs nothing itself): mvn, the ffmpeg CLI and GNU time:
#   apt-get update && apt-get install -y ffmpeg time bc
# BENCH_REPEATS=20 also runs Peerlet 20 times in one JVM and prints RSS after each run (leak check).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_LONG=${1:-20}
command -v ffmpeg >/dev/null || { echo "needs the ffmpeg CLI: apt-get install -y ffmpeg" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 1; }

WORK=$(mktemp -d /tmp/peerlet-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

mvn -q test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$WORK/cp.txt")"

echo "making a ${SECONDS_LONG} s 1280x720 30 fps source..."
ffmpeg -v error -f lavfi -i "testsrc2=size=1280x720:rate=30" -f lavfi -i "sine=frequency=440:sample_rate=48000" \
  -t "$SECONDS_LONG" -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -b:a 128k -ac 2 "$WORK/src.mp4"

# Same rate control as VideoRungEncoder: CRF 23, maxrate = 0.1 bit/pixel/frame, bufsize = 2x maxrate.
cap() { echo $(( $1 * $2 * 30 / 10 )); }
declare -A W=([720]=1280 [480]=854 [360]=640 [240]=426)
X264="-preset veryfast -crf 23 -x264-params keyint=60:min-keyint=60:scenecut=0 -force_key_frames expr:gte(t,n_forced*2)"
AUDIO="-c:a aac -b:a 128k -ac 2 -ar 48000"
hls() { # $1 = height, $2 = output dir
  echo "-f hls -hls_time 2 -hls_playlist_type vod -hls_segment_type fmp4 -hls_flags independent_segments \
  -hls_fmp4_init_filename $1-init.mp4 -hls_segment_filename $2/$1-%d.m4s $2/$1.m3u8"
}
measure() { # runs "$@" under GNU time; prints "wall_s max_rss_kb"
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" > "$WORK/last.log" 2>&1 || { cat "$WORK/last.log" >&2; exit 1; }
  cat "$WORK/time.txt"
}

echo "1/3 Peerlet in-process (with the storyboard, as published)..."
read -r P_WALL P_RSS < <(measure java -XX:+UseSerialGC -Xmx128m -cp "$CP" org.peerlet.bench.TranscodeBench "$WORK/src.mp4" "$WORK/peerlet")
grep -E "rung|warnings|PEERLET" "$WORK/last.log" | sed 's/^/    /'
echo "    and the ladder alone (no storyboard)..."
read -r N_WALL N_RSS < <(measure java -XX:+UseSerialGC -Xmx128m -Dstoryboard=false -cp "$CP" org.peerlet.bench.TranscodeBench "$WORK/src.mp4" "$WORK/peerlet")

echo "2/3 ffmpeg CLI, one run per rung..."
R_WALL=0; R_RSS=0
declare -A RUNG_WALL
for h in 720 480 360 240; do
  mkdir -p "$WORK/rung"
  m=$(cap "${W[$h]}" "$h")
  # shellcheck disable=SC2046
  read -r w r < <(measure ffmpeg -v error -y -i "$WORK/src.mp4" -vf "scale=-2:$h" -c:v libx264 $X264 \
      -maxrate "$m" -bufsize $((m * 2)) -pix_fmt yuv420p $AUDIO $(hls "$h" "$WORK/rung"))
  RUNG_WALL[$h]=$w
  R_WALL=$(echo "$R_WALL + $w" | bc -l); [ "$r" -gt "$R_RSS" ] && R_RSS=$r
done

echo "3/3 ffmpeg CLI, all rungs from one decode..."
mkdir -p "$WORK/one"
ARGS=(-v error -y -i "$WORK/src.mp4" -filter_complex
  "[0:v]split=4[a][b][c][d];[a]scale=-2:720[v720];[b]scale=-2:480[v480];[c]scale=-2:360[v360];[d]scale=-2:240[v240]")
for h in 720 480 360 240; do
  m=$(cap "${W[$h]}" "$h")
  # shellcheck disable=SC2206
  ARGS+=(-map "[v$h]" -map 0:a -c:v libx264 $X264 -maxrate "$m" -bufsize $((m * 2)) -pix_fmt yuv420p $AUDIO $(hls "$h" "$WORK/one"))
done
read -r O_WALL O_RSS < <(measure ffmpeg "${ARGS[@]}")

printf '\n%-34s %9s %14s\n' "way" "wall (s)" "peak RSS (MB)"
printf '%-34s %9.2f %14d\n' "1. Peerlet in-process (JVM)" "$P_WALL" $((P_RSS / 1024))
printf '%-34s %9.2f %14d\n' "1b. Peerlet, no storyboard" "$N_WALL" $((N_RSS / 1024))
printf '%-34s %9.2f %14d\n' "2. ffmpeg CLI per rung (sum/max)" "$R_WALL" $((R_RSS / 1024))
printf '%-34s %9.2f %14d\n' "3. ffmpeg CLI one pass" "$O_WALL" $((O_RSS / 1024))
echo
printf 'Peerlet / one-pass: wall %.3f, peak RSS %.3f   (goal <= 1.02 and <= 1.10)\n' \
  "$(echo "$P_WALL / $O_WALL" | bc -l)" "$(echo "$P_RSS / $O_RSS" | bc -l)"
printf 'with storyboard / without: wall %.3f   (goal < 1.05)\n' "$(echo "$P_WALL / $N_WALL" | bc -l)"
printf 'one-pass / per-rung: wall %.3f\n' "$(echo "$O_WALL / $R_WALL" | bc -l)"
printf 'real-time factor (media s / wall s): Peerlet %.2fx (all 4 rungs), one-pass CLI %.2fx (all 4 rungs)\n' \
  "$(echo "$SECONDS_LONG / $P_WALL" | bc -l)" "$(echo "$SECONDS_LONG / $O_WALL" | bc -l)"
for h in 720 480 360 240; do
  printf '  per-rung CLI %sp: %.2fx\n' "$h" "$(echo "$SECONDS_LONG / ${RUNG_WALL[$h]}" | bc -l)"
done

if [ -n "${BENCH_REPEATS:-}" ]; then
  echo; echo "Peerlet x$BENCH_REPEATS in one JVM (RSS after each run):"
  java -XX:+UseSerialGC -Xmx128m -cp "$CP" org.peerlet.bench.TranscodeBench "$WORK/src.mp4" "$WORK/peerlet" "$BENCH_REPEATS" | grep '^run'
fi
