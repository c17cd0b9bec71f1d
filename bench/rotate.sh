#!/usr/bin/env bash
# Benchmark: turning one decoded picture upright in Java (FrameRotator) vs copying it with FFmpeg.
#
#   bench/rotate.sh [WIDTH HEIGHT [SECONDS]]        (default 1920 1080 2)
#
# Prints the median time to turn a yuv420p picture 90, 180 and 270 degrees and its ratio to
# av_frame_copy of the same picture in the same run, then what turning costs a 4 s portrait
# transcode (a phone clip with rotation metadata vs one stored upright, same run). All of it once
# with the JVM's default JIT, once with systemd/peerlet.service's flags (C1 only, serial GC), which
# is what a Pi runs.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d /tmp/peerlet-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

mvn -q test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$WORK/cp.txt")"

echo "default JIT:"
java -cp "$CP" org.peerlet.transcode.RotationBench "$@"
echo "C1 only (-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx160m, as the systemd unit):"
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx160m -cp "$CP" org.peerlet.transcode.RotationBench "$@"
