#!/usr/bin/env bash
# Issue 3's benchmark: upload throughput (resumable with 1 MB chunks vs copying the file on the
# same disk) and GET /api/v1/videos?count=15 latency at a fixed rate with 10,000 videos (vs
# /api/v1/config at the same rate). The real server in-process on loopback; it stops by itself.
#   bench/api.sh                                   # 10,000 videos, 200 req/s, 15 s, 64 MB upload
#   JAVA_OPTS="-Dvideos=10000 -Drate=200 -Dseconds=15 -DuploadMb=64" bench/api.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench.cp)"
# The JVM flags of systemd/peerlet.service, so the figures are the ones a Pi's unit would see.
FLAGS=$(grep -oP '^ExecStart=/usr/bin/java \K.*(?= -jar)' systemd/peerlet.service)
exec java $FLAGS ${JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" org.peerlet.bench.ApiBench
