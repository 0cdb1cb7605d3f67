#!/usr/bin/env bash
# Page times as a school's history grows: starts the app jar with the demo school on a fresh H2 file,
# seeds N outside-study requests through the app's own start form (half li.na's, half zhou.tao's, all
# waiting for their group leader), then times, with curl and one user at a time,
# the leader chen.jing's home page "/", the office dashboard "/office" (zhao.min) and one request page
# (chen.jing) — R runs each, printing the median and the largest time and the page size.
#
# Usage: bench/pages/run.sh [N=1000] [R=15] [JAR=target/training-approvals-*.jar]   (PORT=18081 by default)
# Two versions may run side by side on two ports: they start and seed together, then take turns timing.
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
trap 'echo "failed at line $LINENO"; tail -20 "$DATA/app.log"' ERR

java -Xmx768m -jar "$JAR" --spring.profiles.active=demo --server.port=$PORT --training.data-dir="$DATA" \
  > "$DATA/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 ${START_WAIT:-600}); do
  curl -sf -o /dev/null -u li.na:demo "$BASE/engine-rest/engine" && break
  sleep 1
done
curl -sf -o /dev/null -u li.na:demo "$BASE/engine-rest/engine" || { echo "app did not start"; tail -50 "$DATA/app.log"; exit 1; }

from=$(date -d "+30 days" +%F); to=$(date -d "+31 days" +%F)
printf '%%PDF-1.4 bench invitation\n' > "$DATA/invitation.pdf"
login() { # user → cookie jar
  local jar="$DATA/$1.cookies"
  local csrf
  csrf=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed -E 's/.*value="([^"]*)".*/\1/')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$1" --data-urlencode "password=demo" \
    --data-urlencode "_csrf=$csrf" "$BASE/login"
  echo "$jar"
}
csrf() { # cookie jar, page → the form's CSRF token
  curl -s -b "$1" "$BASE$2" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | head -1 | sed -E 's/.*value="([^"]*)".*/\1/'
}
# through our own start form, as a teacher does (the engine's rules want an uploaded invitation)
t0=$(date +%s.%N)
for who in li.na zhou.tao; do
  jar=$(login $who)
  token=$(csrf "$jar" /requests/new/externalStudy)
  for i in $(seq 1 $((N / 2))); do
    curl -s -o /dev/null -b "$jar" -F "_csrf=$token" -F "title=基准测试申请 $who $i" -F "organizer=市教育局教研室" \
      -F level=municipal -F kind=training -F "location=市第一中学" -F "startDate=$from" -F "endDate=$to" \
      -F "purpose=学习新课标下的阅读教学方法，回校后在组内分享。" -F "classCover=王老师代课" -F budgetTransport=100 \
      -F budgetLodging=300 -F budgetFees=0 -F budgetOther=0 -F "invitation=@$DATA/invitation.pdf;type=application/pdf" \
      "$BASE/requests/new/externalStudy"
  done
done
t1=$(date +%s.%N)
first=$(curl -sf -u chen.jing:demo "$BASE/engine-rest/task?assignee=chen.jing&maxResults=1" | sed -E 's/.*"processInstanceId":"([^"]+)".*/\1/')
tasks=$(curl -sf -u chen.jing:demo "$BASE/engine-rest/task/count?assignee=chen.jing" | sed -E 's/.*"count":([0-9]+).*/\1/')
printf 'seeded %d requests through the start form in %.0f s (%.1f/s); chen.jing has %s tasks\n' "$N" \
  "$(echo "$t1 - $t0" | bc -l)" "$(echo "$N / ($t1 - $t0)" | bc -l)" "$tasks"

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
# two runs side by side (e.g. before and after) take turns measuring, so they never time each other's load
exec 9>/tmp/bench-pages.lock
flock 9
echo "load: $(uptime | sed 's/.*load average/load average/')"
measure "leader home / (chen.jing)" chen.jing /
measure "office dashboard /office" zhao.min /office
measure "request page (chen.jing)" chen.jing "/requests/$first"
measure "teacher home / (li.na)" li.na /
echo "load: $(uptime | sed 's/.*load average/load average/')"
