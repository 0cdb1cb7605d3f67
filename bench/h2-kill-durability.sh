#!/usr/bin/env bash
# Does an approval that the app confirmed survive a power cut? Starts the app on a fresh H2 file,
# starts N outside-study requests through the REST API (each confirmed with HTTP 200), kills the
# JVM with SIGKILL right after the last confirmation, restarts and counts how many survived.
# With WRITE_DELAY=0 (application.yml) every confirmed request must survive; with H2's default
# (500 ms) the last ones are typically lost. Usage: bench/h2-kill-durability.sh [N] [write-delay]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-50}
DELAY=${2:-0}
PORT=18080
DATA=$(mktemp -d)
JAR=$(ls target/training-approvals-*.jar 2>/dev/null | head -1 || true)
[ -n "$JAR" ] || { mvn -B -q package -DskipTests; JAR=$(ls target/training-approvals-*.jar | head -1); }
URL="jdbc:h2:file:$DATA/training;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=$DELAY"

start_app() {
  java -jar "$JAR" --spring.profiles.active=demo --server.port=$PORT --training.data-dir="$DATA" \
    --spring.datasource.url="$URL" > "$DATA/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 120); do
    curl -sf -o /dev/null -u li.na:demo "http://localhost:$PORT/engine-rest/engine" && return 0
    sleep 1
  done
  echo "app did not start"; cat "$DATA/app.log"; exit 1
}

start_app
from=$(date -d "+10 days" +%F); to=$(date -d "+11 days" +%F)
body='{"variables":{"applicant":{"value":"li.na"},"title":{"value":"断电测试"},"organizer":{"value":"教育局"},
"level":{"value":"county"},"kind":{"value":"training"},"location":{"value":"本市"},"outOfProvince":{"value":false},
"startDate":{"value":"'$from'"},"endDate":{"value":"'$to'"},"purpose":{"value":"测试数据持久性"},"classCover":{"value":"无课"},
"budgetTransport":{"value":0.0},"budgetLodging":{"value":0.0},"budgetFees":{"value":0.0},"budgetOther":{"value":0.0},
"invitation":{"value":"none"}}}'
ids=()
t0=$(date +%s.%N)
for _ in $(seq 1 "$N"); do
  id=$(curl -sf -u li.na:demo -H 'Content-Type: application/json' -d "$body" \
    "http://localhost:$PORT/engine-rest/process-definition/key/externalStudy/start" | sed -E 's/.*"id":"([^"]+)".*/\1/')
  ids+=("$id")
done
t1=$(date +%s.%N)
kill -9 $APP; wait $APP 2>/dev/null || true
start_app
survived=0
for id in "${ids[@]}"; do
  curl -sf -o /dev/null -u zhao.min:demo "http://localhost:$PORT/engine-rest/history/process-instance/$id" && survived=$((survived+1))
done
kill $APP; wait $APP 2>/dev/null || true
printf 'WRITE_DELAY=%s: %d of %d confirmed requests survived a SIGKILL (%.1f requests/s over REST)\n' \
  "$DELAY" "$survived" "$N" "$(echo "$N / ($t1 - $t0)" | bc -l)"
rm -rf "$DATA"
[ "$survived" -eq "$N" ]
