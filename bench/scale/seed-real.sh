#!/usr/bin/env bash
# Seeds REAL outside-study requests through /engine-rest (HTTP Basic), in a mix of states, and writes one line per
# request to OUT: process instance id, kind (open = a task waiting; done = no task waiting) and the approval number
# (or empty). Called by run.sh; BASE, DATA must be set.
#
#   i % 8 = 0, 1  waiting for the group leader (li.na → chen.jing; zhou.tao → sun.wei)
#           2, 3  leader approved, waiting for the office (officeRegistration)
#           4     leader approved, registered by the office (waits for the trip's end date: a timer)
#           5     over 2000 yuan: leader and principal approved, registered by the office
#           6     rejected by the leader (ended)
#           7     over 2000 yuan: leader approved, rejected by the principal (ended)
# Usage: seed-real.sh FROM TO OUT
set -euo pipefail
FROM=$1 TO=$2 OUT=$3
from=$(date -d "+30 days" +%F); to=$(date -d "+31 days" +%F)
v() { printf '"%s":{"value":%s,"type":"%s"}' "$1" "$2" "$3"; }
post() { # user, path, json → body (fails on HTTP >= 400)
  curl -sf -u "$1:demo" -H 'Content-Type: application/json' -d "$3" "$BASE$2"
}
task_of() { # user, process instance → the id of its one open task
  curl -sf -u "$1:demo" "$BASE/engine-rest/task?processInstanceId=$2" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4
}
complete() { # user, process instance, variables json
  local t
  t=$(task_of "$1" "$2")
  [ -n "$t" ] || { echo "no task for $1 in $2" >&2; return 1; }
  post "$1" "/engine-rest/task/$t/complete" "{\"variables\":{$3}}" >/dev/null
}
for i in $(seq "$FROM" "$TO"); do
  kind=$((i % 8))
  if [ $(((i / 8) % 2)) -eq 0 ]; then who=li.na; leader=chen.jing; else who=zhou.tao; leader=sun.wei; fi
  lodging=300; [ $kind -eq 5 ] || [ $kind -eq 7 ] && lodging=3000
  att=$(curl -sf -u "$who:demo" -F "file=@$DATA/invitation.pdf;type=application/pdf" "$BASE/api/attachments" \
    | grep -o '"id":"[^"]*"' | cut -d'"' -f4)
  vars="$(v title "\"规模测试申请 $who $i\"" String),$(v organizer '"市教育局教研室"' String),$(v level '"municipal"' String)"
  vars+=",$(v kind '"training"' String),$(v location '"市第一中学"' String),$(v outOfProvince false Boolean)"
  vars+=",$(v startDate "\"$from\"" String),$(v endDate "\"$to\"" String)"
  vars+=",$(v purpose '"学习新课标下的阅读教学方法，回校后在组内分享。"' String),$(v classCover '"同组老师代课"' String)"
  vars+=",$(v budgetTransport 100.0 Double),$(v budgetLodging $lodging.0 Double),$(v budgetFees 0.0 Double)"
  vars+=",$(v budgetOther 0.0 Double),$(v invitation "\"$att\"" String)"
  pid=$(post "$who" /engine-rest/process-definition/key/externalStudy/start "{\"variables\":{$vars}}" \
    | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  number=""
  case $kind in
    0|1) ;;
    2|3) complete "$leader" "$pid" "$(v leaderDecision '"approve"' String)" ;;
    4|5)
      complete "$leader" "$pid" "$(v leaderDecision '"approve"' String)"
      [ $kind -eq 5 ] && complete liu.hua "$pid" "$(v principalDecision '"approve"' String)"
      number=$(printf 'WX-2026-%04d' $((5000 + i)))
      complete zhao.min "$pid" "$(v approvalNumber "\"$number\"" String),$(v officeNotes '"规模测试登记"' String)" ;;
    6) complete "$leader" "$pid" "$(v leaderDecision '"reject"' String),$(v leaderComment '"与本学期教学安排冲突"' String)" ;;
    7)
      complete "$leader" "$pid" "$(v leaderDecision '"approve"' String)"
      complete liu.hua "$pid" "$(v principalDecision '"reject"' String),$(v principalComment '"预算过高"' String)" ;;
  esac
  state=done; [ $kind -le 3 ] && state=open
  echo "$pid,$state,$number,$kind" >> "$OUT"
done
