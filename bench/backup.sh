#!/usr/bin/env bash
# Backup speed: `admin backup` of a data dir against a plain `cp -a` of the same data dir, in the
# same run, on the same disk.
#   bash bench/backup.sh [MB]      (default 400; builds target/peerlet.jar first if it is missing)
# The data dir is a real one (Peerlet starts on it once and makes its database and keys) filled
# with media-shaped files: originals of ~20 MB, ladders of 1 MB segments. Prints MB/s of cp -a,
# of a first (full) backup, which also hashes every byte with SHA-256 and snapshots the database,
# and of a second backup with nothing changed (links only), and the ratios. The page cache is warm
# for all three (the files were just written); the JVM's start is included in the backup's time.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/peerlet.jar ] || mvn -B -ntp -q package -DskipTests
MB=${1:-400}
work=$(mktemp -d -p "${TMPDIR:-/var/tmp}")
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
pid=
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }

port=$(free_port)
java -jar target/peerlet.jar --data-dir "$work/data" --port "$port" --host 127.0.0.1 \
    --admin-password bench-password >"$work/server.log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$port/api/v1/config"; do
    kill -0 $pid 2>/dev/null || { cat "$work/server.log"; exit 1; }
    sleep 0.1
done

# Media-shaped files: a fifth in originals, the rest as ladders of 1 MB segments.
videos=$(( MB / 25 > 0 ? MB / 25 : 1 ))
for v in $(seq "$videos"); do
    uuid=$(cat /proc/sys/kernel/random/uuid)
    head -c $((5 * 1024 * 1024)) /dev/urandom >"$work/data/originals/$uuid.mp4"
    mkdir -p "$work/data/hls/$uuid"
    for s in $(seq 20); do head -c $((1024 * 1024)) /dev/urandom >"$work/data/hls/$uuid/240-$s.m4s"; done
    head -c 20000 /dev/urandom >"$work/data/thumbnails/$uuid.jpg"
done
sync
bytes=$(du -sb --exclude=native "$work/data" | cut -f1)
mb() { echo "$bytes / 1048576" | bc -l; }

t0=$(now_ms); cp -a "$work/data" "$work/cp-copy"; sync; cp_ms=$(( $(now_ms) - t0 ))
rm -rf "$work/cp-copy"
t0=$(now_ms); java -jar target/peerlet.jar admin backup "$work/backups" --data-dir "$work/data" >"$work/b1.log"; sync
b1_ms=$(( $(now_ms) - t0 ))
t0=$(now_ms); java -jar target/peerlet.jar admin backup "$work/backups" --data-dir "$work/data" >"$work/b2.log"; sync
b2_ms=$(( $(now_ms) - t0 ))
kill $pid; wait $pid 2>/dev/null || true

rate() { echo "$(mb) / ($1 / 1000)" | bc -l; }
printf 'data dir: %.0f MB in %d files (server running during the backups)\n' "$(mb)" "$(find "$work/data" -type f -not -path '*/native/*' | wc -l)"
printf '%-28s %10s %10s\n' "" "time (s)" "MB/s"
printf '%-28s %10.2f %10.0f\n' "cp -a" "$(echo "$cp_ms/1000" | bc -l)" "$(rate $cp_ms)"
printf '%-28s %10.2f %10.0f\n' "admin backup (first, full)" "$(echo "$b1_ms/1000" | bc -l)" "$(rate $b1_ms)"
printf '%-28s %10.2f %10.0f\n' "admin backup (unchanged)" "$(echo "$b2_ms/1000" | bc -l)" "$(rate $b2_ms)"
printf 'ratio backup/cp -a (MB/s): full %.2f, unchanged %.2f\n' "$(echo "$cp_ms/$b1_ms" | bc -l)" "$(echo "$cp_ms/$b2_ms" | bc -l)"
tail -n 1 "$work/b1.log"
tail -n 1 "$work/b2.log"
