#!/usr/bin/env bash
# Federation benchmark (FederationBench): inbox signature verifications per second against a
# plain SHA-256 baseline (ratio printed), then the time to fan one Create out to FOLLOWERS
# follower inboxes through the SQLite outbox and the delivery worker, counted by a loopback sink;
# heap and RSS after. Loopback only; everything it starts, it stops.
#
#   bench/federation.sh                 # N=2000 activities, FOLLOWERS=1000
#   N=5000 FOLLOWERS=2000 bench/federation.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-2000}
FOLLOWERS=${FOLLOWERS:-1000}
mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench.cp)"
java -Xmx256m -XX:+UseSerialGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
    org.peerlet.bench.FederationBench "$N" "$FOLLOWERS"
