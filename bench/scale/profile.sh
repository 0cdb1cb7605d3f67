#!/usr/bin/env bash
# What each page of the scale benchmark waits on: starts the jar on a database seeded by bench/scale/run.sh (KEEP=1)
# with the SQL counters on (training.operations.count-sql=true), puts each page under load alone (8 users,
# bench/scale/Load.java) and prints the SQL texts that took longest in all during that load, from
# /actuator/sqlstatements (reset before each page), with the page's own p50/p95.
#
# Usage: bench/scale/profile.sh DATA [JAR] [TOP=12]
# Environment: PORT (18092), USERS (8), WARMUP (5 s), SECONDS_PER_RUN (15 s), REQUEST (a request id; else the
# first copied registered request in DATA/seeded.csv), PAGES ("label|user|path" lines; else the benchmark's three).
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=$(readlink -f "$1")
JAR=${2:-$(ls target/training-approvals-*.jar | head -1)}
TOP=${3:-12}
PORT=${PORT:-18092}
BASE="http://localhost:$PORT"
[ -f "$DATA/training.mv.db" ] || { echo "no database in $DATA (seed it with KEEP=1 bench/scale/run.sh)"; exit 1; }
java -Xmx512m -XX:+UseSerialGC -jar "$JAR" --spring.profiles.active=demo --server.port=$PORT \
  --training.data-dir="$DATA" --training.operations.count-sql=true >> "$DATA/profile-app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 900); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/actuator/health/readiness")" = 200 ] && break
  kill -0 $APP 2>/dev/null || { echo "app ended"; tail -30 "$DATA/profile-app.log"; exit 1; }
  sleep 1
done
DONE=${REQUEST:-$(grep ',done,' "$DATA/seeded.csv" | grep ',4$' | head -1 | cut -d, -f1)-c7}
PAGES=${PAGES:-"leader home /|chen.jing|/
request page (finished, copy)|chen.jing|/requests/$DONE
office dashboard /office|zhao.min|/office"}
while IFS= read -r page; do
  [ -n "$page" ] || continue
  curl -sf -u admin:demo -X DELETE "$BASE/actuator/sqlstatements" > /dev/null
  java bench/scale/Load.java run "$BASE" "${WARMUP:-5}" "${SECONDS_PER_RUN:-15}" "${USERS:-8}" "$page"
  echo "  slowest SQL during that load (total ms, executions, mean ms, text):"
  curl -sf -u admin:demo "$BASE/actuator/sqlstatements?most=$TOP" | python3 -c '
import json, re, sys
for row in json.load(sys.stdin):
    sql = " ".join(row["sql"].split())
    sql = re.sub(r"^(select (?:distinct )?)(?!count).{80,}? from ", r"\1… from ", sql, count=1, flags=re.I)
    print("  %9.0f %7d %8.2f  %s" % (row["totalMillis"], row["executions"], row["meanMillis"], sql[:500]))'
done <<< "$PAGES"
