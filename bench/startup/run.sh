#!/bin/bash
# Start-up time and memory at rest (issue 12, point 4): starts the app jar on an existing demo database three
# ways — the JVM's defaults, the heap settings the README recommends, and those plus a class-data-sharing archive
# (Spring Boot's extracted layout, trained once) — R times each, and prints the median time to the first page
# (the login page answering 200) and the resident memory after 20 s idle.
#
#   bench/startup/run.sh [R] [jar]      (R = 3; jar = target/training-approvals-*.jar, build it first)
#   DB=postgres bench/startup/run.sh …  the same on a new database of the local PostgreSQL server (bench/postgres.sh)
#   APP_ARGS="--some.setting=value" bench/startup/run.sh …  the same with settings of the app changed, to try them
set -euo pipefail
runs=${1:-3}
jar=${2:-$(ls target/training-approvals-*.jar | head -1)}
work=$(mktemp -d)
port=18190
small="-Xmx512m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=256m"
source "$(dirname "$0")/../postgres.sh"
trap 'drop_bench_db' EXIT
app="--spring.profiles.active=$PROFILES --training.data-dir=$work/data --server.port=$port ${APP_ARGS:-}"

one() { # one start: prints seconds to the first page and RSS in MB
    local start pid rss up
    start=$(date +%s.%N)
    java $1 -jar "$2" $app > "$work/app.log" 2>&1 &
    pid=$!
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/login" || true)" = 200 ]; do sleep 0.2; done
    up=$(echo "$(date +%s.%N) - $start" | bc)
    sleep 20
    rss=$(( $(ps -o rss= -p $pid) / 1024 ))
    kill $pid; wait $pid 2>/dev/null || true
    echo "$up $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

measure() { # label, jvm options, jar
    local times=() rsss=()
    for i in $(seq 1 "$runs"); do read -r t r < <(one "$2" "$3"); times+=("$t"); rsss+=("$r"); done
    printf "%-28s first page %5.1f s (median of %d)   RSS at rest %4d MB\n" "$1" \
        "$(printf '%s\n' "${times[@]}" | median)" "$runs" "$(printf '%s\n' "${rsss[@]}" | median)"
}

echo "load: $(uptime | sed 's/.*load average: //')"
one "" "$jar" > /dev/null   # first start: creates and seeds the demo database, not measured
measure "JVM defaults" "" "$jar"
measure "recommended heap" "$small" "$jar"
java -Djarmode=tools -jar "$jar" extract --destination "$work/app" > /dev/null
extracted=$(ls "$work"/app/*.jar | head -1)
java -XX:ArchiveClassesAtExit="$work/app.jsa" -Dspring.context.exit=onRefresh -jar "$extracted" $app > /dev/null 2>&1 || true
measure "recommended heap + CDS" "-XX:SharedArchiveFile=$work/app.jsa $small" "$extracted"
echo "load: $(uptime | sed 's/.*load average: //')"
rm -rf "$work"
