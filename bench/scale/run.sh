#!/usr/bin/env bash
# Page times at scale (issue 12, point 1): 10,000 open tasks and 100,000 historic process instances on an H2 file.
#
#  1. starts the app jar with the demo school on a fresh H2 file (-Xmx512m -XX:+UseSerialGC);
#  2. seeds REAL outside-study requests through /engine-rest in a mix of states (bench/scale/seed-real.sh):
#     waiting for the group leader, waiting for the office, registered (waiting for the trip's end), rejected;
#  3. stops the app and copies those requests' rows in bulk with SQL (bench/scale/copy.sh, H2's RunScript) under
#     new ids until there are OPEN open tasks and HIST historic process instances;
#  4. restarts the app on that database and checks that copies open (a copied request page and task page, the
#     engine's counts);
#  5. measures p50/p95/max and page size at 8, then 32 concurrent users (bench/scale/Load.java) for the leader
#     chen.jing's home page, a finished request's page and the office dashboard, with the load average.
#
# Usage: bench/scale/run.sh [OPEN=10000] [HIST=100000] [REAL=400] [JAR=target/training-approvals-*.jar]
# COPY_AGAIN=1 DATA=<dir kept by KEEP=1> bench/scale/run.sh OPEN HIST: copies again from that run's seeded database.
# LOAD_ONLY=1 DATA=<dir kept by KEEP=1> bench/scale/run.sh: steps 4 and 5 only, on that run's copied database,
#   RUNS times (default 1), each from a fresh start: the repeated runs whose medians the README quotes.
# Environment: PORT (18091), WARMUP (10 s), SECONDS_PER_RUN (30 s), USERS ("8 32"), KEEP=1 keeps the data dir.
# DB=postgres: all of it on a new database of the local PostgreSQL server (bench/postgres.sh), kept with KEEP=1
#   (its name in DATA/pg-db, its state before copying in <name>_seeded), dropped otherwise.
set -euo pipefail
cd "$(dirname "$0")/../.."
OPEN=${1:-10000}
HIST=${2:-100000}
REAL=${3:-400}
JAR=${4:-$(ls target/training-approvals-*.jar 2>/dev/null | head -1 || true)}
[ -n "$JAR" ] || { mvn -B -o -q package -DskipTests; JAR=$(ls target/training-approvals-*.jar | head -1); }
JAR=$(readlink -f "$JAR")
PORT=${PORT:-18091}
BASE="http://localhost:$PORT"
export BASE
DATA=${DATA:-$(mktemp -d /tmp/bench-scale.XXXXXX)}
mkdir -p "$DATA"  # a DATA named for KEEP=1 may not exist yet
export DATA
if [ "${DB:-h2}" = postgres ] && [ -f "$DATA/pg-db" ]; then PG_BENCH_DB=$(cat "$DATA/pg-db"); fi
source bench/postgres.sh
[ -z "$PG_BENCH_DB" ] || echo "$PG_BENCH_DB" > "$DATA/pg-db"
APP=
stop_app() {
  if [ -n "$APP" ]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; APP=; fi
}
trap 'stop_app; [ -n "${KEEP:-}${COPY_AGAIN:-}" ] || { rm -rf "$DATA"; drop_bench_db; dropdb --if-exists "${PG_BENCH_DB}_seeded" 2>/dev/null || true; }' EXIT
trap 'echo "failed at line $LINENO (data and log in $DATA)"; tail -20 "$DATA/app.log"' ERR
load() { uptime | sed 's/.*load average: *//'; }

start_app() {
  java -Xmx512m -XX:+UseSerialGC -jar "$JAR" --spring.profiles.active=$PROFILES --server.port=$PORT \
    --training.data-dir="$DATA" >> "$DATA/app.log" 2>&1 &
  APP=$!
  local t0=$SECONDS
  for _ in $(seq 1 ${START_WAIT:-900}); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/actuator/health/readiness")" = 200 ] && break
    kill -0 $APP 2>/dev/null || { echo "app ended"; tail -50 "$DATA/app.log"; exit 1; }
    sleep 1
  done
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/actuator/health/readiness")" = 200 ] \
    || { echo "app not ready"; tail -50 "$DATA/app.log"; exit 1; }
  echo "app ready in $((SECONDS - t0)) s (load $(load))"
}

echo "data: $DATA; jar: $JAR; load $(load)"
T_START=$SECONDS
T_REAL=0
if [ -n "${LOAD_ONLY:-}" ]; then
  [ -f "$DATA/seeded.csv" ] || { echo "LOAD_ONLY needs DATA of an earlier run kept with KEEP=1"; exit 1; }
  KEEP=1
elif [ -n "${COPY_AGAIN:-}" ]; then
  # DATA of an earlier run (KEEP=1): start again from its database as seeded, before any copies
  if [ -n "$PG_BENCH_DB" ]; then
    dropdb "$PG_BENCH_DB" && createdb -T "${PG_BENCH_DB}_seeded" "$PG_BENCH_DB"
  else
    cp "$DATA/training-seeded.mv.db" "$DATA/training.mv.db"
  fi
else
start_app
# 2. real requests through the engine's REST API, in three parallel streams
printf '%%PDF-1.4 bench invitation\n' > "$DATA/invitation.pdf"
t0=$SECONDS
rm -f "$DATA"/seeded-*.csv
STREAMS=${STREAMS:-3}
per=$(((REAL + STREAMS - 1) / STREAMS))
pids=()
for s in $(seq 0 $((STREAMS - 1))); do
  a=$((s * per)); b=$((a + per - 1)); [ $b -lt $REAL ] || b=$((REAL - 1))
  [ $a -le $b ] || continue
  bench/scale/seed-real.sh $a $b "$DATA/seeded-$s.csv" &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
cat "$DATA"/seeded-*.csv > "$DATA/seeded.csv"
T_REAL=$((SECONDS - t0))
echo "seeded $(wc -l < "$DATA/seeded.csv") real requests in $T_REAL s (load $(load))"
stop_app
fi
CASE_OPEN=$(grep ',open,' "$DATA/seeded.csv" | grep ',0$' | head -1 | cut -d, -f1)
CASE_DONE=$(grep ',done,' "$DATA/seeded.csv" | grep ',4$' | head -1 | cut -d, -f1)

# 3. copies in bulk
T_COPY=0
if [ -z "${LOAD_ONLY:-}" ]; then
t0=$SECONDS
bench/scale/copy.sh "$DATA" "$JAR" "$OPEN" "$HIST"
T_COPY=$((SECONDS - t0))
echo "copied in $T_COPY s (load $(load)); database $(du -sh "$DATA" | cut -f1)"
fi
T_SEED=$((SECONDS - T_START))

for run in $(seq 1 "${RUNS:-1}"); do
[ "${RUNS:-1}" = 1 ] || echo "--- run $run of $RUNS"

# 4. the copies are requests the app can open
start_app
tasks=$(curl -sf -u admin:demo "$BASE/engine-rest/task/count" | grep -o '[0-9]*')
hist=$(curl -sf -u admin:demo "$BASE/engine-rest/history/process-instance/count" | grep -o '[0-9]*')
echo "engine: $tasks open tasks, $hist historic process instances"
check() { # user, path, text → HTTP code and whether the text is on the page
  java bench/scale/Load.java check "$BASE" "$1" "$2" "$3"
}
COPY_OPEN="$CASE_OPEN-c1" # every size has a first copy (at 1,000 open tasks an open request has 3 or 4)
COPY_DONE="$CASE_DONE-c1" # approved by chen.jing and registered by the office
copy_task=$(curl -sf -u chen.jing:demo "$BASE/engine-rest/task?processInstanceId=$COPY_OPEN" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
check chen.jing "/requests/$CASE_DONE" "规模测试申请"
check chen.jing "/requests/$COPY_DONE" "规模测试申请"
check chen.jing "/requests/$COPY_OPEN" "规模测试申请"
check chen.jing "/tasks/$copy_task" "规模测试申请"

# 5. load, with the app's resident memory sampled meanwhile (issue 12, point 4: under 1 GB under this load)
[ -n "${LOAD_ONLY:-}" ] || echo "seeding: real $T_REAL s, copying $T_COPY s, all (with two starts) $T_SEED s"
echo "resident memory before the load: $(( $(ps -o rss= -p "$APP") / 1024 )) MB"
( peak=0; while kill -0 "$APP" 2>/dev/null; do
    rss=$(ps -o rss= -p "$APP" 2>/dev/null || echo 0); [ "${rss:-0}" -le "$peak" ] || peak=$rss
    echo "$peak" > "$DATA/rss-peak"; sleep 1; done ) &
SAMPLER=$!
java bench/scale/Load.java run "$BASE" "${WARMUP:-10}" "${SECONDS_PER_RUN:-30}" "${USERS:-8 32}" \
  "leader home /|chen.jing|/" \
  "request page (finished, copy)|chen.jing|/requests/$COPY_DONE" \
  "office dashboard /office|zhao.min|/office"
kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true
echo "resident memory at most $(( $(cat "$DATA/rss-peak") / 1024 )) MB during the load"
stop_app
done
