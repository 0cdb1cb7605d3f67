#!/usr/bin/env bash
# What one outside-study approval costs the database, through our pages and through /engine-rest (issue 12,
# point 2): li.na asks, her leader chen.jing approves, the principal approves when the route says so, the office
# registers it with an approval number. The same request N times each way, interleaved (page, REST, page, …),
# on one app with the demo school on a fresh H2 file and the SQL counters on (training.operations.count-sql).
#
# Per lifecycle it prints the SQL statements, the connections taken from the pool (≈ transactions: each page
# request is one; the engine opens one per command outside it) and commits, read from /actuator/metrics around
# each HTTP request, and the throughput of each way (lifecycles per second of wall time, lookups excluded).
#
#   Through our pages, as a person clicks: the start form (GET), sending it (POST, then the request page it
#   redirects to), and for each approver the task page (GET) and the decision (POST, then the home page it
#   redirects to).
#   Through /engine-rest, as a script does: upload the invitation (/api/attachments), start; for each approver
#   find the task (GET /engine-rest/task?processInstanceId=…) and complete it.
#
# Usage: bench/lifecycle/run.sh [N=30] [JAR=target/training-approvals-*.jar]   (PORT=18085 by default)
# DB=postgres bench/lifecycle/run.sh …: the same on a new database of the local PostgreSQL server (bench/postgres.sh).
# SQL_TOP=40 WAY=page bench/lifecycle/run.sh 5: one way only, then the 40 SQL texts it ran most often (from
# /actuator/sqlstatements), to see where a step's statements go.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-30}
JAR=${2:-$(ls target/training-approvals-*.jar 2>/dev/null | head -1 || true)}
[ -n "$JAR" ] || { mvn -B -o -q package -DskipTests; JAR=$(ls target/training-approvals-*.jar | head -1); }
PORT=${PORT:-18085}
BASE="http://localhost:$PORT"
DATA=$(mktemp -d)
source bench/postgres.sh
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; rm -rf "$DATA"; drop_bench_db' EXIT
trap 'echo "failed at line $LINENO"; tail -30 "$DATA/app.log"' ERR

# no job executor: its polling would count as the lifecycles' statements (the approval has no timers or async steps
# until the trip ends)
java -Xmx512m -XX:+UseSerialGC -jar "$JAR" --spring.profiles.active=$PROFILES --server.port=$PORT \
  --training.data-dir="$DATA" --training.operations.count-sql=true --camunda.bpm.job-execution.enabled=false \
  > "$DATA/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 ${START_WAIT:-600}); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/actuator/health/readiness")" = 200 ] && break
  sleep 1
done
echo "load: $(uptime | sed 's/.*load average: //')"

snapshot() { # statements connections commits, as Prometheus sees them (one request, whose sign-in costs a few)
  curl -s -u admin:demo "$BASE/actuator/prometheus" | awk '
    /^training_sql_statements_total/ {s=$2} /^training_sql_connections_total/ {c=$2} /^training_sql_commits_total/ {k=$2}
    END {printf "%d %d %d\n", s, c, k}'
}
# the counters are read before and after each measured HTTP request; the reading itself (the admin's sign-in)
# costs a few statements, measured on empty windows and taken off
COST_S=0; COST_C=0; COST_K=0; WALL=0; BASE_S=0; BASE_C=0; BASE_K=0
measured() { # command… : runs it, adds its statements/connections/commits and wall time to the running totals
  local a b t0 t1
  read -r -a a < <(snapshot)
  t0=$(date +%s.%N)
  "$@"
  t1=$(date +%s.%N)
  read -r -a b < <(snapshot)
  COST_S=$((COST_S + b[0] - a[0] - BASE_S)); COST_C=$((COST_C + b[1] - a[1] - BASE_C))
  COST_K=$((COST_K + b[2] - a[2] - BASE_K))
  [ -z "${STEP:-}" ] || echo "$STEP $((b[0] - a[0] - BASE_S)) $((b[1] - a[1] - BASE_C))" >> "$DATA/steps"
  WALL=$(echo "$WALL + $t1 - $t0" | bc -l)
}

login() { # user → cookie jar (not measured: a person signs in once a day, not once a request)
  local jar="$DATA/$1.cookies" token
  token=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed -E 's/.*value="([^"]*)".*/\1/')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$1" --data-urlencode "password=demo" \
    --data-urlencode "_csrf=$token" "$BASE/login"
  echo "$jar"
}
for who in li.na chen.jing liu.hua zhao.min; do login $who > /dev/null; done
from=$(date -d "+40 days" +%F); to=$(date -d "+41 days" +%F)
printf '%%PDF-1.4 bench invitation\n' > "$DATA/invitation.pdf"

waiting() { # instance → "taskId activityId" of its waiting task, or nothing (admin's REST lookup, not measured)
  curl -s -u admin:demo "$BASE/engine-rest/task?processInstanceId=$1" \
    | grep -o '"id":"[^"]*"\|"taskDefinitionKey":"[^"]*"' | sed -E 's/.*:"([^"]*)"/\1/' | paste -sd' ' | cut -d' ' -f1,2
}
holder() { case "$1" in leaderReview) echo chen.jing ;; principalApproval) echo liu.hua ;; officeRegistration) echo zhao.min ;; esac; }

# ---- through our pages ------------------------------------------------------------------------------------------
page_get() { curl -s -o "$DATA/page.html" -b "$DATA/$1.cookies" "$BASE$2"; }
page_start() { # i → instance id
  local jar="$DATA/li.na.cookies" token location
  page_get li.na /requests/new/externalStudy
  token=$(grep -o 'name="_csrf"[^>]*value="[^"]*"' "$DATA/page.html" | head -1 | sed -E 's/.*value="([^"]*)".*/\1/')
  location=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$jar" -F "_csrf=$token" -F "title=基准审批 页面 $1" \
    -F "organizer=市教育局教研室" -F level=municipal -F kind=training -F "location=市第一中学" -F "startDate=$from" \
    -F "endDate=$to" -F "purpose=学习新课标下的阅读教学方法，回校后在组内分享。" -F "classCover=王老师代课" \
    -F budgetTransport=100 -F budgetLodging=300 -F budgetFees=0 -F budgetOther=0 \
    -F "invitation=@$DATA/invitation.pdf;type=application/pdf" "$BASE/requests/new/externalStudy")
  curl -s -o /dev/null -b "$jar" "$location"
  echo "${location##*/}" > "$DATA/instance"
}
page_decide() { # user taskId activity
  local token number=()
  page_get "$1" "/tasks/$2"
  token=$(grep -o 'name="_csrf"[^>]*value="[^"]*"' "$DATA/page.html" | head -1 | sed -E 's/.*value="([^"]*)".*/\1/')
  case "$3" in
    leaderReview) number=(-F leaderDecision=approve) ;;
    principalApproval) number=(-F principalDecision=approve) ;;
    officeRegistration) number=(-F "approvalNumber=$(grep -o 'name="approvalNumber"[^>]*value="[^"]*"' "$DATA/page.html" \
      | sed -E 's/.*value="([^"]*)".*/\1/')") ;;
  esac
  curl -s -o /dev/null -L -b "$DATA/$1.cookies" -F "_csrf=$token" "${number[@]}" "$BASE/tasks/$2"
}

# ---- through /engine-rest -----------------------------------------------------------------------------------------
rest_start() { # i → instance id
  local file body
  file=$(curl -s -u li.na:demo -F "file=@$DATA/invitation.pdf;type=application/pdf" "$BASE/api/attachments" \
    | sed -E 's/.*"id":"([^"]+)".*/\1/')
  body=$(cat <<JSON
{"variables":{"title":{"value":"基准审批 REST $1","type":"String"},"organizer":{"value":"市教育局教研室","type":"String"},
"level":{"value":"municipal","type":"String"},"kind":{"value":"training","type":"String"},
"location":{"value":"市第一中学","type":"String"},"outOfProvince":{"value":false,"type":"Boolean"},
"startDate":{"value":"$from","type":"String"},"endDate":{"value":"$to","type":"String"},
"purpose":{"value":"学习新课标下的阅读教学方法，回校后在组内分享。","type":"String"},"classCover":{"value":"王老师代课","type":"String"},
"budgetTransport":{"value":100,"type":"Double"},"budgetLodging":{"value":300,"type":"Double"},
"budgetFees":{"value":0,"type":"Double"},"budgetOther":{"value":0,"type":"Double"},"invitation":{"value":"$file","type":"String"}}}
JSON
)
  curl -s -u li.na:demo -H 'Content-Type: application/json' -d "$body" \
    "$BASE/engine-rest/process-definition/key/externalStudy/start" | sed -E 's/.*"id":"([^"]+)".*/\1/' > "$DATA/instance"
}
# the office's page suggests the highest number used + 1: the script counts down from 8999 so the two never meet
REST_NUMBER=9000
rest_decide() { # user taskId activity instance
  local values
  curl -s -o /dev/null -u "$1:demo" "$BASE/engine-rest/task?processInstanceId=$4"
  case "$3" in
    leaderReview) values='{"leaderDecision":{"value":"approve","type":"String"}}' ;;
    principalApproval) values='{"principalDecision":{"value":"approve","type":"String"}}' ;;
    officeRegistration) REST_NUMBER=$((REST_NUMBER - 1))
      values="{\"approvalNumber\":{\"value\":\"WX-$(date +%Y)-$REST_NUMBER\",\"type\":\"String\"}}" ;;
  esac
  local status
  status=$(curl -s -o "$DATA/rest.out" -w '%{http_code}' -u "$1:demo" -H 'Content-Type: application/json' \
    -d "{\"variables\":$values}" "$BASE/engine-rest/task/$2/complete")
  [ "$status" = 204 ] || { echo "REST complete $3 answered $status: $(cat "$DATA/rest.out")" >&2; exit 1; }
}

lifecycle() { # way i
  local instance next task activity steps=0
  STEP="$1 start" measured "${1}_start" "$2"
  instance=$(cat "$DATA/instance")
  [ -n "$instance" ] || { echo "$1: no request started" >&2; exit 1; }
  while next=$(waiting "$instance") && [ -n "$next" ]; do
    read -r task activity <<< "$next"
    [ "$activity" = tripEnds ] && break
    if [ "$1" = page ]; then STEP="page $activity" measured page_decide "$(holder "$activity")" "$task" "$activity"
    else STEP="rest $activity" measured rest_decide "$(holder "$activity")" "$task" "$activity" "$instance"; fi
    steps=$((steps + 1))
    [ "$activity" = officeRegistration ] && break
    [ $steps -lt 5 ] || { echo "$1: stuck at $activity" >&2; exit 1; }
  done
}

for _ in 1 2 3; do measured true; done
BASE_S=$((COST_S / 3)); BASE_C=$((COST_C / 3)); BASE_K=$((COST_K / 3))
echo "reading the counters costs $BASE_S statements, $BASE_C connections, $BASE_K commits (taken off each window)"

declare -A S C K T
for way in page rest; do S[$way]=0; C[$way]=0; K[$way]=0; T[$way]=0; done
# one of each first, not counted: the first request of each kind warms the JIT and the caches
WAYS=${WAY:-page rest}
for way in $WAYS; do lifecycle $way 0; done
rm -f "$DATA/steps"
curl -sf -u admin:demo -X DELETE "$BASE/actuator/sqlstatements" > /dev/null
for i in $(seq 1 "$N"); do
  for way in $WAYS; do
    COST_S=0; COST_C=0; COST_K=0; WALL=0
    lifecycle $way "$i"
    S[$way]=$((S[$way] + COST_S)); C[$way]=$((C[$way] + COST_C)); K[$way]=$((K[$way] + COST_K))
    T[$way]=$(echo "${T[$way]} + $WALL" | bc -l)
  done
done
for way in $WAYS; do
  printf '%-5s %6.1f statements  %5.1f connections  %5.1f commits per lifecycle   %5.2f lifecycles/s\n' "$way" \
    "$(echo "${S[$way]} / $N" | bc -l)" "$(echo "${C[$way]} / $N" | bc -l)" "$(echo "${K[$way]} / $N" | bc -l)" \
    "$(echo "$N / ${T[$way]}" | bc -l)"
done
echo "per step (mean statements, connections):"
awk '{k=$1" "$2; s[k]+=$3; c[k]+=$4; n[k]++} END {for (k in s) printf "  %-30s %6.1f %5.1f\n", k, s[k]/n[k], c[k]/n[k]}' \
  "$DATA/steps" | sort
if [ -n "${SQL_TOP:-}" ]; then
  echo "most run SQL over the $N lifecycles ($WAYS; executions per lifecycle, text):"
  curl -sf -u admin:demo "$BASE/actuator/sqlstatements?most=100000" | python3 -c '
import json, re, sys
rows = sorted(json.load(sys.stdin), key=lambda r: -r["executions"])
for row in rows[:int(sys.argv[1])]:
    sql = re.sub(r"^(select (?:distinct )?)(?!count).{80,}? from ", r"\1… from ", " ".join(row["sql"].split()), count=1, flags=re.I)
    print("  %6.1f  %s" % (row["executions"] / int(sys.argv[2]), sql[:260]))' "$SQL_TOP" "$N"
fi
[ "$WAYS" = "page rest" ] || exit 0
printf 'pages / REST: statements %.2f×, throughput %.2f×  (N=%d each, interleaved)\n' \
  "$(echo "${S[page]} / ${S[rest]}" | bc -l)" "$(echo "${T[rest]} / ${T[page]}" | bc -l)" "$N"
echo "load: $(uptime | sed 's/.*load average: //')"
