#!/usr/bin/env bash
# Page times as a school's history grows: starts the app jar with the demo school on a fresh H2 file,
# seeds N outside-study requests through /engine-rest (li.na and zhou.tao, all waiting for their
# group leader, every fifth approved on to the office), then times, with curl and one user at a time,
# the leader chen.jing's home page "/", the office dashboard "/office" (zhao.min) and one request page
# (chen.jing) — R runs each, printing the median and the largest time and the page size.
#
# Usage: bench/pages/run.sh [N=1000] [R=15] [JAR=target/training-approvals-*.jar]
# Compare two versions by passing each one's jar (e.g. one built from an older commit with
#   git archive <commit> | tar -x -C /tmp/old && (cd /tmp/old && mvn -B -o -q package -DskipTests)).
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000}
R=${2:-15}
JAR=${3:-$(ls target/training-approvals-*.jar 2>/dev/null | head -1 || true)}
[ -n "$JAR" ] || { mvn -B -o -q package -DskipTests; JAR=$(ls target/training-approvals-*.jar | head -1); }
PORT=${PORT:-18081}
BASE="http://localhost:$PORT"
DATA=$(mktemp -d)
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT

java -Xmx768m -jar "$JAR" --spring.profiles.active=demo --server.port=$PORT --training.data-dir="$DATA" \
  > "$DATA/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 240); do
  curl -sf -o /dev/null -u li.na:demo "$BASE/engine-rest/engine" && break
  sleep 1
done
curl -sf -o /dev/null -u li.na:demo "$BASE/engine-rest/engine" || { echo "app did not start"; tail -50 "$DATA/app.log"; exit 1; }

from=$(date -d "+30 days" +%F); to=$(date -d "+31 days" +%F)
request() { # applicant, title
  printf '{"variables":{"applicant":{"value":"%s"},"title":{"value":"%s"},"organizer":{"value":"市教育局"},
"level":{"value":"municipal"},"kind":{"value":"training"},"location":{"value":"本市"},"outOfProvince":{"value":false},
"startDate":{"value":"%s"},"endDate":{"value":"%s"},"purpose":{"value":"基准测试"},"classCover":{"value":"王老师代课"},
"budgetTransport":{"value":0.0},"budgetLodging":{"value":0.0},"budgetFees":{"value":0.0},"budgetOther":{"value":0.0},
"invitation":{"value":"none"}}}' "$1" "$2" "$from" "$to"
}
t0=$(date +%s.%N)
first=""
for i in $(seq 1 "$N"); do
  who=li.na; leader=chen.jing
  if [ $((i % 2)) -eq 0 ]; then who=zhou.tao; leader=sun.wei; fi
  id=$(curl -sf -u $who:demo -H 'Content-Type: application/json' -d "$(request $who "基准 $i")" \
    "$BASE/engine-rest/process-definition/key/externalStudy/start" | sed -E 's/.*"id":"([^"]+)".*/\1/')
  [ -n "$first" ] || first=$id
  if [ $((i % 5)) -eq 0 ]; then # approved by the leader: waits for the office
    task=$(curl -sf -u $leader:demo "$BASE/engine-rest/task?processInstanceId=$id" | sed -E 's/.*"id":"([^"]+)".*/\1/')
    curl -sf -o /dev/null -u $leader:demo -H 'Content-Type: application/json' \
      -d '{"variables":{"leaderDecision":{"value":"approve"},"leaderComment":{"value":"同意"}}}' \
      "$BASE/engine-rest/task/$task/complete"
  fi
done
t1=$(date +%s.%N)
printf 'seeded %d requests in %.0f s (%.1f/s)\n' "$N" "$(echo "$t1 - $t0" | bc -l)" "$(echo "$N / ($t1 - $t0)" | bc -l)"

login() { # user → cookie jar
  local jar="$DATA/$1.cookies"
  local csrf
  csrf=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed -E 's/.*value="([^"]*)".*/\1/')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$1" --data-urlencode "password=demo" \
    --data-urlencode "_csrf=$csrf" "$BASE/login"
  echo "$jar"
}
measure() { # label, user, path
  local jar times size
  jar=$(login "$2")
  curl -s -o /dev/null -b "$jar" "$BASE$3" # warm-up
  times=()
  for _ in $(seq 1 "$R"); do
    read -r t s < <(curl -s -o /dev/null -b "$jar" -w '%{time_total} %{size_download}\n' "$BASE$3")
    times+=("$t"); size=$s
  done
  printf '%-28s median %6.3f s  max %6.3f s  %8d bytes\n' "$1" \
    "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')" \
    "$(printf '%s\n' "${times[@]}" | sort -n | tail -1)" "$size"
}
echo "load: $(uptime | sed 's/.*load average/load average/')"
measure "leader home / (chen.jing)" chen.jing /
measure "office dashboard /office" zhao.min /office
measure "request page (chen.jing)" chen.jing "/requests/$first"
measure "teacher home / (li.na)" li.na /
echo "load: $(uptime | sed 's/.*load average/load average/')"
