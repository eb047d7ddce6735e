#!/usr/bin/env bash
# Two nodes (docs/reliability.md): two server processes on different ports share one database, both with
# the job executor on. Checks that
#   - cases reported through A and B alternately all exist with their instances;
#   - due timers fire exactly once across the two nodes: the warning timer (催办) of CASES cases, then their
#     overdue timer (超期督办 + a superviseAcceptance task), then both timers at once for TOGETHER more
#     cases - one timeline entry per case and timer, one successful execution per job in Camunda's job
#     log; which node ran how many (job log HOSTNAME_, set per node with the engine's `hostname` property);
#   - a task completed on one node is gone on the other, and the case's next state shows there: a case
#     worked to closed alternating between the nodes (accept on A, handle on B, rate on A, read on B);
#   - the same acceptance task completed on A and on B at the same moment is completed once.
# Prints the figures and exits 1 on any double firing or inconsistency, 2 on a setup error, 3 when timers
# were still held by job locks (after database errors) when the time budget ran out, nothing doubled.
#
# Usage: bench/reliability/two-nodes.sh        (from anywhere; needs java 17, mysql client, curl)
# Env:   LIANHU_JAR (else target/ of this repository, built if missing), TWO_DB (lianhu_twonode, dropped and
#        recreated), PORT_A (18291), PORT_B (18292), CASES (500), TOGETHER (200), CLIENTS (8), RACES (20), JOB_MAX_WAIT_MS
#        (empty: the application's job acquisition back-off), SIMULTANEOUS_START (0), RUN_DIR (logs),
#        LIANHU_DB_HOST/PORT/USER/PASSWORD (127.0.0.1/3306/root/empty).
set -uo pipefail

SCRIPT_START=$(date +%s)
TWO_DB=${TWO_DB:-lianhu_twonode}
PORT_A=${PORT_A:-18291}
PORT_B=${PORT_B:-18292}
CASES=${CASES:-500}
CLIENTS=${CLIENTS:-8}
RACES=${RACES:-20}
TOGETHER=${TOGETHER:-200}
TIMER_WAIT_MAX=${TIMER_WAIT_MAX:-150}
# Longest idle wait of each node's job acquisition; empty = the application's (Camunda's default, 60 s).
# With the default, a burst of due timers shorter than a minute may be run by one node alone.
JOB_MAX_WAIT_MS=${JOB_MAX_WAIT_MS:-}
RUN_DIR=${RUN_DIR:-/tmp/lianhu-reliability/two-nodes-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$RUN_DIR"
: > "$RUN_DIR/summary.txt"

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
trap cleanup_started EXIT

A=http://127.0.0.1:$PORT_A
B=http://127.0.0.1:$PORT_B
HOST_A=lianhu-node-a
HOST_B=lianhu-node-b
problems=()
pending=()
BUDGET_SECONDS=${BUDGET_SECONDS:-570}

command -v mysql >/dev/null || die "mysql client missing"
command -v curl >/dev/null || die "curl missing"
resolve_jar
POOL_AT_START=$(buffer_pool_mb)
log "jar: $JAR; run dir: $RUN_DIR; database: $TWO_DB; nodes: $A ($HOST_A), $B ($HOST_B)"
recreate_db "$TWO_DB"
NODE_ARGS=()
[ -z "$JOB_MAX_WAIT_MS" ] || NODE_ARGS+=(--camunda.bpm.job-execution.max-wait="$JOB_MAX_WAIT_MS")

# ---------------------------------------------------------------------------------------------------
# 1. Node A first (it creates the schemas: Flyway and Camunda), then node B on the same database.
#    SIMULTANEOUS_START=1 starts both at once instead (a probe: see docs/reliability.md).
ARGS_A=("${NODE_ARGS[@]}" --camunda.bpm.generic-properties.properties.hostname="$HOST_A")
ARGS_B=("${NODE_ARGS[@]}" --camunda.bpm.generic-properties.properties.hostname="$HOST_B")
if [ "${SIMULTANEOUS_START:-0}" = 1 ]; then
  # Probe: both nodes started at the same moment on the empty database.
  start_server node-a "$PORT_A" "$TWO_DB" "${ARGS_A[@]}"
  start_server node-b "$PORT_B" "$TWO_DB" "${ARGS_B[@]}"
  START_A=$(wait_healthy node-a "$PORT_A" 240) || START_A=died
  START_B=$(wait_healthy node-b "$PORT_B" 240) || START_B=died
  figure "simultaneous first start: node A / node B" "$START_A / $START_B"
  if [ "$START_A" = died ] || [ "$START_B" = died ]; then
    problems+=("simultaneous first start on an empty database: node A $START_A, node B $START_B (see the node logs)")
    for node in a b; do
      if [ "$node" = a ] && [ "$START_A" = died ]; then
        stop_server node-a KILL; start_server node-a "$PORT_A" "$TWO_DB" "${ARGS_A[@]}"
        START_A=$(wait_healthy node-a "$PORT_A" 240) || exit 2
        figure "node A restarted alone, healthy after (s)" "$START_A"
      elif [ "$node" = b ] && [ "$START_B" = died ]; then
        stop_server node-b KILL; start_server node-b "$PORT_B" "$TWO_DB" "${ARGS_B[@]}"
        START_B=$(wait_healthy node-b "$PORT_B" 240) || exit 2
        figure "node B restarted alone, healthy after (s)" "$START_B"
      fi
    done
  fi
else
  start_server node-a "$PORT_A" "$TWO_DB" "${ARGS_A[@]}"
  START_A=$(wait_healthy node-a "$PORT_A" 240) || exit 2
  start_server node-b "$PORT_B" "$TWO_DB" "${ARGS_B[@]}"
  START_B=$(wait_healthy node-b "$PORT_B" 240) || exit 2
fi
log "node A healthy after ${START_A}s, node B after ${START_B}s"

# ---------------------------------------------------------------------------------------------------
# 2. CASES + TOGETHER reports, alternating between A and B.
ACK=$RUN_DIR/ack.tsv FAIL=$RUN_DIR/fail.tsv
TOTAL=$(( CASES + TOGETHER ))
java "$RELIABILITY_DIR/Load.java" report --base "$A,$B" --clients "$CLIENTS" --max-requests "$TOTAL" \
  --max-seconds 180 --prefix "two-$(date +%s)" --ack "$ACK" --fail "$FAIL" > "$RUN_DIR/load.out" 2>&1 \
  || die "load client failed: $(cat "$RUN_DIR/load.out")"
cat "$RUN_DIR/load.out" >&2
ACKED=$(grep -c . "$ACK")
ACKED_A=$(awk -F'\t' -v b="$A" '$4 == b' "$ACK" | grep -c .)
ACKED_B=$(awk -F'\t' -v b="$B" '$4 == b' "$ACK" | grep -c .)
FAILED=$(grep -c . "$FAIL")
cut -f2 "$ACK" > "$RUN_DIR/all.cases"
head -n "$CASES" "$RUN_DIR/all.cases" > "$RUN_DIR/cases"
tail -n +"$(( CASES + 1 ))" "$RUN_DIR/all.cases" > "$RUN_DIR/together.cases"
ALL_LIST=$(sql_list "$RUN_DIR/all.cases")
detect_engine_tz "$TWO_DB"
[ "$ACKED" = "$TOTAL" ] || problems+=("reports: $ACKED of $TOTAL acknowledged, $FAILED failed (see $FAIL)")

read -r ROWS WITH_INSTANCE WITH_TASK < <(sql "$TWO_DB" "SELECT COUNT(*),
  SUM(EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.ID_ = c.process_instance_id AND e.PROC_INST_ID_ = e.ID_)),
  SUM(EXISTS (SELECT 1 FROM ACT_RU_TASK t WHERE t.PROC_INST_ID_ = c.process_instance_id AND t.TASK_DEF_KEY_ = 'acceptCase'))
  FROM case_record c WHERE c.case_no IN ($ALL_LIST)")
[ "$ROWS" = "$ACKED" ] && [ "$WITH_INSTANCE" = "$ACKED" ] && [ "$WITH_TASK" = "$ACKED" ] \
  || problems+=("acknowledged $ACKED, rows $ROWS, with instance $WITH_INSTANCE, with acceptCase task $WITH_TASK")

# ---------------------------------------------------------------------------------------------------
# 3. Timers: push timers due, wait until none is left, count firings per case and per node.
# The acceptance stage's timers: event subprocess (ACT_RU_JOB.HANDLER_CFG_), job definition
# (ACT_HI_JOB_LOG.JOB_DEF_CONFIGURATION_), the timeline entry its delegate appends.
declare -A JOBDEF=([acceptanceWarning]='DATE: ${responseWarnAt}' [acceptanceOverdue]='DATE: ${responseDue}')
declare -A ACTION=([acceptanceWarning]='催办' [acceptanceOverdue]='超期督办')

# timer_round NAME CASEFILE CFG...: pushes the CFG timers of the cases in CASEFILE due at once.
timer_round() {
  local name=$1 file=$2; shift 2
  local cfgs=("$@") cfg list expected pushed=0 left t0 since secs waited in_cfgs none_cases=()
  list=$(sql_list "$file")
  expected=$(grep -c . "$file")
  in_cfgs=$(printf "'%s'," "${cfgs[@]}"); in_cfgs=${in_cfgs%,}
  since=$(sql "$TWO_DB" "SELECT NOW()")
  t0=$(now_s)
  for cfg in "${cfgs[@]}"; do
    pushed=$(( pushed + $(push_due "$TWO_DB" "$cfg" "$file") ))
  done
  log "$name: pushed $pushed timers (${cfgs[*]}) of $expected cases due; waiting until none is left (at most ${TIMER_WAIT_MAX}s)"
  while :; do
    left=$(sql "$TWO_DB" "SELECT COUNT(*) FROM ACT_RU_JOB j JOIN case_record c ON j.PROCESS_INSTANCE_ID_ = c.process_instance_id
      WHERE j.HANDLER_CFG_ IN ($in_cfgs) AND c.case_no IN ($list)")
    [ "${left:-1}" = 0 ] && break
    waited=$(( $(date +%s) - ${t0%.*} ))
    [ "$waited" -lt "$TIMER_WAIT_MAX" ] || break
    sleep 1
  done
  # Jobs still due after TIMER_WAIT_MAX that are held by a lock (a node took them, failed, and could not
  # record the failure: database errors) or wait behind a locked job of the same instance (timer jobs are
  # exclusive) run again when the lock expires. Wait for that if the script's budget allows.
  local held=0 expiry=0
  if [ "$left" != 0 ]; then
    read -r held expiry < <(sql "$TWO_DB" "SELECT COUNT(*), COALESCE(TIMESTAMPDIFF(SECOND, NOW(),
        (SELECT MAX(k.LOCK_EXP_TIME_) FROM ACT_RU_JOB k WHERE k.PROCESS_INSTANCE_ID_ IN
          (SELECT process_instance_id FROM case_record WHERE case_no IN ($list)))), 0)
      FROM ACT_RU_JOB j JOIN case_record c ON j.PROCESS_INSTANCE_ID_ = c.process_instance_id
      WHERE j.HANDLER_CFG_ IN ($in_cfgs) AND c.case_no IN ($list) AND EXISTS (SELECT 1 FROM ACT_RU_JOB k
        WHERE k.PROCESS_INSTANCE_ID_ = j.PROCESS_INSTANCE_ID_ AND k.LOCK_EXP_TIME_ > NOW())")
    local budget=$(( BUDGET_SECONDS - ($(date +%s) - SCRIPT_START) - 90 ))
    if [ "$held" = "$left" ] && [ $(( expiry + 75 )) -le "$budget" ]; then
      log "$name: $left timers held by job locks that expire in ${expiry}s; waiting for them"
      local until=$(( $(date +%s) + expiry + 75 ))
      while [ "$(date +%s)" -lt "$until" ]; do
        left=$(sql "$TWO_DB" "SELECT COUNT(*) FROM ACT_RU_JOB j JOIN case_record c ON j.PROCESS_INSTANCE_ID_ = c.process_instance_id
          WHERE j.HANDLER_CFG_ IN ($in_cfgs) AND c.case_no IN ($list)")
        [ "${left:-1}" = 0 ] && break
        sleep 2
      done
    fi
  fi
  secs=$(elapsed "$t0")
  sleep 3 # a (wrong) second execution would show up now
  local jobdefs ok_logs ok_jobs failed_logs per_host failed_why incidents p50 p90 max
  jobdefs=$(for cfg in "${cfgs[@]}"; do printf "'%s'," "${JOBDEF[$cfg]}"; done); jobdefs=${jobdefs%,}
  figure "$name: cases / timers pushed due" "$expected / $pushed"
  figure "$name: all gone after (s)" "$secs (left: $left)"
  for cfg in "${cfgs[@]}"; do
    local action=${ACTION[$cfg]} entries cases_once cases_twice cases_none
    read -r entries cases_once cases_twice cases_none < <(sql "$TWO_DB" "SELECT COALESCE(SUM(n), 0),
      COALESCE(SUM(n = 1), 0), COALESCE(SUM(n > 1), 0), COALESCE(SUM(n = 0), 0) FROM (SELECT c.id,
      (SELECT COUNT(*) FROM case_timeline t WHERE t.case_id = c.id AND t.action = '$action') n
      FROM case_record c WHERE c.case_no IN ($list)) x")
    figure "$name: cases with one '$action' / two+ / none" "$cases_once / $cases_twice / $cases_none (entries: $entries)"
    if [ "$cases_twice" != 0 ]; then
      problems+=("$name: $cases_twice cases with more than one '$action'")
    elif [ "$cases_once" != "$expected" ]; then
      none_cases+=("$name: $cases_none cases without '$action'")
    fi
    read -r _ p50 p90 max _ < <(fire_delays "$TWO_DB" "${JOBDEF[$cfg]}" "$file" "$since")
    figure "$name: $cfg s from push to run p50/p90/max" "$p50/$p90/$max"
  done
  read -r ok_logs ok_jobs failed_logs < <(sql "$TWO_DB" "SELECT COALESCE(SUM(l.JOB_STATE_ = 2), 0),
    COUNT(DISTINCT CASE WHEN l.JOB_STATE_ = 2 THEN l.JOB_ID_ END), COALESCE(SUM(l.JOB_STATE_ = 1), 0)
    FROM ACT_HI_JOB_LOG l JOIN case_record c ON c.process_instance_id = l.PROCESS_INSTANCE_ID_
    WHERE l.JOB_DEF_CONFIGURATION_ IN ($jobdefs) AND l.TIMESTAMP_ >= '$since' AND c.case_no IN ($list)")
  per_host=$(sql "$TWO_DB" "SELECT CONCAT(COALESCE(l.HOSTNAME_, '?'), '=', COUNT(*)) FROM ACT_HI_JOB_LOG l
    JOIN case_record c ON c.process_instance_id = l.PROCESS_INSTANCE_ID_
    WHERE l.JOB_STATE_ = 2 AND l.JOB_DEF_CONFIGURATION_ IN ($jobdefs) AND l.TIMESTAMP_ >= '$since' AND c.case_no IN ($list)
    GROUP BY l.HOSTNAME_ ORDER BY l.HOSTNAME_" | paste -sd' ')
  failed_why=$(sql "$TWO_DB" "SELECT CONCAT(COALESCE(l.HOSTNAME_, '?'), ': ', COUNT(*), ' x ', LEFT(COALESCE(l.JOB_EXCEPTION_MSG_, ''), 100))
    FROM ACT_HI_JOB_LOG l JOIN case_record c ON c.process_instance_id = l.PROCESS_INSTANCE_ID_
    WHERE l.JOB_STATE_ = 1 AND l.JOB_DEF_CONFIGURATION_ IN ($jobdefs) AND l.TIMESTAMP_ >= '$since' AND c.case_no IN ($list)
    GROUP BY l.HOSTNAME_, LEFT(COALESCE(l.JOB_EXCEPTION_MSG_, ''), 100)" | paste -sd';')
  incidents=$(sql "$TWO_DB" "SELECT COUNT(*) FROM ACT_RU_INCIDENT")
  # A case without its entry is explained only by a timer still held by a lock (checked below).
  if [ ${#none_cases[@]} -gt 0 ] && { [ "$left" = 0 ] || [ "$held" != "$left" ]; }; then problems+=("${none_cases[@]}"); fi
  figure "$name: successful executions / distinct jobs" "$ok_logs / $ok_jobs"
  figure "$name: executions per node (job log)" "${per_host:--}"
  figure "$name: failed attempts, retried (job log)" "$failed_logs${failed_why:+ ($failed_why)}"
  figure "$name: incidents" "$incidents"
  if [ "$left" != 0 ] && [ "$held" = "$left" ] && [ "$ok_logs" = "$ok_jobs" ] && [ $(( ok_jobs + left )) = "$pushed" ]; then
    pending+=("$name: $left timers not run yet, held by job locks a node kept after database errors (expiring ${expiry}s after the wait); nothing doubled")
  else
    [ "$ok_logs" = "$ok_jobs" ] && [ "$ok_jobs" = "$pushed" ] || problems+=("$name: $ok_logs successful executions of $ok_jobs jobs, $pushed pushed")
    [ "$left" = 0 ] || problems+=("$name: $left timers still due after ${TIMER_WAIT_MAX}s")
  fi
  [ "$incidents" = 0 ] || problems+=("$name: $incidents incidents")
  if [[ " ${cfgs[*]} " == *" acceptanceOverdue "* ]]; then
    local overdue_rows supervise_cases supervise_tasks
    read -r overdue_rows supervise_cases supervise_tasks < <(sql "$TWO_DB" "SELECT
      (SELECT COUNT(*) FROM case_record c WHERE c.overdue AND c.case_no IN ($list)),
      (SELECT COUNT(DISTINCT t.PROC_INST_ID_) FROM ACT_RU_TASK t JOIN case_record c ON c.process_instance_id = t.PROC_INST_ID_
         WHERE t.TASK_DEF_KEY_ = 'superviseAcceptance' AND c.case_no IN ($list)),
      (SELECT COUNT(*) FROM ACT_RU_TASK t JOIN case_record c ON c.process_instance_id = t.PROC_INST_ID_
         WHERE t.TASK_DEF_KEY_ = 'superviseAcceptance' AND c.case_no IN ($list))")
    figure "$name: rows overdue=1 / cases with 督办 task / tasks" "$overdue_rows / $supervise_cases / $supervise_tasks"
    [ "$overdue_rows" = "$expected" ] && [ "$supervise_cases" = "$expected" ] && [ "$supervise_tasks" = "$expected" ] \
      || problems+=("$name: $overdue_rows rows overdue, $supervise_cases cases with $supervise_tasks superviseAcceptance tasks, of $expected")
  fi
}

timer_round warning "$RUN_DIR/cases" acceptanceWarning
timer_round overdue "$RUN_DIR/cases" acceptanceOverdue
# Both timers of the same instances due at once: two jobs of one instance may run at the same moment on
# the two nodes; the loser must roll back whole (its timeline entry too) and run again.
[ -s "$RUN_DIR/together.cases" ] && timer_round together "$RUN_DIR/together.cases" acceptanceWarning acceptanceOverdue

# ---------------------------------------------------------------------------------------------------
# 4. One case worked to closed across the nodes.
# http METHOD URL USER:PASS [JSON] -> sets CODE and BODY
http() {
  local method=$1 url=$2 auth=$3 data=${4:-}
  local args=(-s -o "$RUN_DIR/http.body" -w '%{http_code}' -X "$method" --max-time 30)
  [ -n "$auth" ] && args+=(-u "$auth")
  [ -n "$data" ] && args+=(-H 'Content-Type: application/json' --data-binary "$data")
  CODE=$(curl "${args[@]}" "$url")
  BODY=$(cat "$RUN_DIR/http.body")
  printf '%s %s as %s -> %s %s\n' "$method" "$url" "${auth%%:*}" "$CODE" "$BODY" >> "$RUN_DIR/http.log"
}
contains() { local text=$1 part; shift; for part in "$@"; do [[ $text == *"$part"* ]] || return 1; done; }
json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p" <<< "$BODY" | head -1; }
check() { # check DESCRIPTION CONDITION...
  local what=$1; shift
  if "$@"; then figure "cross-node: $what" "ok"; else figure "cross-node: $what" "FAILED"; problems+=("cross-node: $what"); fi
}

read -r CASE_NO TRACKING _ < <(awk -F'\t' -v b="$B" '$4 == b { print $2, $3; exit }' "$ACK")
ACCEPT_COMPLETE='{"variables":{"acceptDecision":{"value":"dispatch","type":"String"},"acceptComment":{"value":"两节点测试：转派","type":"String"}}}'
if [ -n "${CASE_NO:-}" ]; then
  log "cross-node walk-through with case $CASE_NO (reported through B)"
  http GET "$A/engine-rest/task?processInstanceBusinessKey=$CASE_NO&taskDefinitionKey=acceptCase" "wangli:demo"
  TASK=$(json_field id)
  check "A lists wangli's acceptCase task of $CASE_NO" test -n "$TASK"
  http GET "$B/engine-rest/task/$TASK" "wangli:demo"
  check "B shows the same task before completion (200)" test "$CODE" = 200
  http POST "$A/engine-rest/task/$TASK/complete" "wangli:demo" "$ACCEPT_COMPLETE"
  check "complete acceptCase on A (204)" test "$CODE" = 204
  http GET "$B/engine-rest/task/$TASK" "wangli:demo"
  check "B: the completed task is gone (404)" test "$CODE" = 404
  http GET "$B/engine-rest/task?processInstanceBusinessKey=$CASE_NO&taskDefinitionKey=superviseAcceptance" "demo:$ADMIN_PASSWORD"
  check "B: the stage's open 督办 task ended with it ([])" test "$BODY" = "[]"
  BODY=$(curl -s --max-time 30 -H "X-Tracking-Code: $TRACKING" "$B/api/cases/$CASE_NO"); echo "GET $B/api/cases/$CASE_NO -> $BODY" >> "$RUN_DIR/http.log"
  check "B: GET /api/cases shows DISPATCHED" test "$(json_field status)" = DISPATCHED
  check "B: the timeline has 受理：转派职能部门 and 派单" contains "$BODY" '受理：转派职能部门' '"派单"' 
  http GET "$B/engine-rest/task?processInstanceBusinessKey=$CASE_NO&taskDefinitionKey=handleCase" "hanxue:demo"
  HANDLE_TASK=$(json_field id)
  check "B lists the handleCase task to hanxue (城管东城中队)" test -n "$HANDLE_TASK"
  # 环境卫生 wants a photo of the result before 办结: uploaded through A, read back through B.
  printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde\0\0\0\x0cIDATx\x9cc\xf8\xcf\xc0\0\0\x03\x01\x01\0\xc9\xfe\x92\xef\0\0\0\0IEND\xaeB`\x82' > "$RUN_DIR/evidence.png"
  BODY=$(curl -s --max-time 30 -u "hanxue:demo" -F "files=@$RUN_DIR/evidence.png;type=image/png" \
    -w '\n%{http_code}' "$A/api/staff/cases/$CASE_NO/files"); CODE=${BODY##*$'\n'}; BODY=${BODY%$'\n'*}
  echo "POST $A/api/staff/cases/$CASE_NO/files -> $CODE $BODY" >> "$RUN_DIR/http.log"
  check "hanxue adds an evidence photo through A (201)" test "$CODE" = 201
  EVIDENCE_ID=$(json_field id)
  check "B serves the photo A stored (shared file store)" test "$(curl -s -o /dev/null -w '%{http_code}' \
    --max-time 30 -u hanxue:demo "$B/api/staff/cases/$CASE_NO/files/$EVIDENCE_ID")" = 200
  http POST "$B/engine-rest/task/$HANDLE_TASK/complete" "hanxue:demo" \
    '{"variables":{"handleResult":{"value":"已清运垃圾（两节点测试）","type":"String"},"closureOutcome":{"value":"resolved","type":"String"}}}'
  check "complete handleCase on B (204)" test "$CODE" = 204
  BODY=$(curl -s --max-time 30 -H "X-Tracking-Code: $TRACKING" "$A/api/cases/$CASE_NO"); echo "GET $A/api/cases/$CASE_NO -> $BODY" >> "$RUN_DIR/http.log"
  check "A: GET /api/cases shows AWAITING_RATING with the result" contains "$BODY" '"status":"AWAITING_RATING"' '已清运垃圾' 
  http POST "$A/api/cases/$CASE_NO/rating" "" "{\"trackingCode\":\"$TRACKING\",\"rating\":\"satisfied\",\"comment\":\"两节点测试\"}"
  check "rate on A (204)" test "$CODE" = 204
  BODY=$(curl -s --max-time 30 -H "X-Tracking-Code: $TRACKING" "$B/api/cases/$CASE_NO"); echo "GET $B/api/cases/$CASE_NO -> $BODY" >> "$RUN_DIR/http.log"
  check "B: GET /api/cases shows CLOSED" test "$(json_field status)" = CLOSED
  http GET "$B/engine-rest/history/process-instance?processInstanceBusinessKey=$CASE_NO" "demo:$ADMIN_PASSWORD"
  check "B: Camunda history shows the instance COMPLETED" contains "$BODY" '"state":"COMPLETED"' 
else
  problems+=("cross-node: no case was acknowledged through B")
fi

# ---------------------------------------------------------------------------------------------------
# 5. Races: the same acceptance task completed through A and through B at the same moment.
tail -n "$RACES" "$ACK" | cut -f2 > "$RUN_DIR/race.cases"
RACE_WON_A=0 RACE_WON_B=0 RACE_BOTH=0 RACE_NONE=0
: > "$RUN_DIR/race.log"
while read -r race_case; do
  task=$(sql "$TWO_DB" "SELECT t.ID_ FROM ACT_RU_TASK t JOIN case_record c ON c.process_instance_id = t.PROC_INST_ID_
    WHERE c.case_no = '$race_case' AND t.TASK_DEF_KEY_ = 'acceptCase'")
  [ -n "$task" ] || { RACE_NONE=$((RACE_NONE + 1)); continue; }
  curl -s -o "$RUN_DIR/race-a.body" -w '%{http_code}' --max-time 60 -u wangli:demo -H 'Content-Type: application/json' \
    --data-binary "$ACCEPT_COMPLETE" "$A/engine-rest/task/$task/complete" > "$RUN_DIR/race-a.code" &
  pa=$!
  curl -s -o "$RUN_DIR/race-b.body" -w '%{http_code}' --max-time 60 -u wangli:demo -H 'Content-Type: application/json' \
    --data-binary "$ACCEPT_COMPLETE" "$B/engine-rest/task/$task/complete" > "$RUN_DIR/race-b.code" &
  pb=$!
  wait "$pa" "$pb"
  ca=$(cat "$RUN_DIR/race-a.code") cb=$(cat "$RUN_DIR/race-b.code")
  printf '%s\t%s\tA=%s %s\tB=%s %s\n' "$race_case" "$task" "$ca" "$(head -c 160 "$RUN_DIR/race-a.body")" \
    "$cb" "$(head -c 160 "$RUN_DIR/race-b.body")" >> "$RUN_DIR/race.log"
  if [ "$ca" = 204 ] && [ "$cb" = 204 ]; then RACE_BOTH=$((RACE_BOTH + 1))
  elif [ "$ca" = 204 ]; then RACE_WON_A=$((RACE_WON_A + 1))
  elif [ "$cb" = 204 ]; then RACE_WON_B=$((RACE_WON_B + 1))
  else RACE_NONE=$((RACE_NONE + 1)); fi
done < "$RUN_DIR/race.cases"
RACE_LIST=$(sql_list "$RUN_DIR/race.cases")
read -r R_ACCEPTED R_ROUTED R_HANDLE R_COMPLETED_TASKS < <(sql "$TWO_DB" "SELECT
  (SELECT COUNT(*) FROM case_timeline t JOIN case_record c ON c.id = t.case_id WHERE t.action = '受理：转派职能部门' AND c.case_no IN ($RACE_LIST)),
  (SELECT COUNT(*) FROM case_timeline t JOIN case_record c ON c.id = t.case_id WHERE t.action = '派单' AND c.case_no IN ($RACE_LIST)),
  (SELECT COUNT(*) FROM ACT_RU_TASK t JOIN case_record c ON c.process_instance_id = t.PROC_INST_ID_ WHERE t.TASK_DEF_KEY_ = 'handleCase' AND c.case_no IN ($RACE_LIST)),
  (SELECT COUNT(*) FROM ACT_HI_TASKINST t JOIN case_record c ON c.process_instance_id = t.PROC_INST_ID_
     WHERE t.TASK_DEF_KEY_ = 'acceptCase' AND t.DELETE_REASON_ = 'completed' AND c.case_no IN ($RACE_LIST))")
LOSER_CODES=$(awk -F'\t' '{ split($3, a, "[= ]"); split($4, b, "[= ]"); if (a[2] != 204) print "A:" a[2]; if (b[2] != 204) print "B:" b[2] }' "$RUN_DIR/race.log" | sort | uniq -c | awk '{ printf "%s%s x%s", (n++ ? ", " : ""), $2, $1 }')
RACE_N=$(grep -c . "$RUN_DIR/race.cases")
figure "race: cases, won by A / by B / both / neither" "$RACE_N: $RACE_WON_A / $RACE_WON_B / $RACE_BOTH / $RACE_NONE"
figure "race: losers' answers" "${LOSER_CODES:--}"
figure "race: 受理 entries / 派单 entries / handleCase tasks / completed acceptCase" "$R_ACCEPTED / $R_ROUTED / $R_HANDLE / $R_COMPLETED_TASKS (expected $RACE_N each)"
[ "$RACE_BOTH" = 0 ] && [ "$RACE_NONE" = 0 ] || problems+=("race: $RACE_BOTH tasks completed twice, $RACE_NONE not at all")
[ "$R_ACCEPTED" = "$RACE_N" ] && [ "$R_ROUTED" = "$RACE_N" ] && [ "$R_HANDLE" = "$RACE_N" ] && [ "$R_COMPLETED_TASKS" = "$RACE_N" ] \
  || problems+=("race: $R_ACCEPTED 受理 entries, $R_ROUTED 派单, $R_HANDLE handleCase tasks, $R_COMPLETED_TASKS completed acceptCase for $RACE_N cases")

# ---------------------------------------------------------------------------------------------------
# 6. Whole database and the figures.
read -r ALL_ROWS ALL_WITHOUT_INSTANCE ALL_INSTANCES_WITHOUT_ROW < <(sql "$TWO_DB" "SELECT
  (SELECT COUNT(*) FROM case_record),
  (SELECT COUNT(*) FROM case_record c WHERE NOT EXISTS (SELECT 1 FROM ACT_HI_PROCINST h WHERE h.ID_ = c.process_instance_id)),
  (SELECT COUNT(*) FROM ACT_HI_PROCINST h WHERE h.PROC_DEF_KEY_ = 'caseHandling'
     AND NOT EXISTS (SELECT 1 FROM case_record c WHERE c.process_instance_id = h.ID_))")
[ "$ALL_WITHOUT_INSTANCE" = 0 ] && [ "$ALL_INSTANCES_WITHOUT_ROW" = 0 ] || problems+=("rows without instance: $ALL_WITHOUT_INSTANCE, instances without row: $ALL_INSTANCES_WITHOUT_ROW")
ERRORS_A=$(grep -c ' ERROR ' "$RUN_DIR/node-a.log" || true)
ERRORS_B=$(grep -c ' ERROR ' "$RUN_DIR/node-b.log" || true)
OLE_A=$(grep -c 'OptimisticLockingException\|ENGINE-03005' "$RUN_DIR/node-a.log" || true)
OLE_B=$(grep -c 'OptimisticLockingException\|ENGINE-03005' "$RUN_DIR/node-b.log" || true)

figure "run directory" "$RUN_DIR"
figure "node A / node B healthy after (s)" "$START_A / $START_B"
figure "job acquisition max wait" "${JOB_MAX_WAIT_MS:-application default}"
figure "load" "$(tail -1 "$RUN_DIR/load.out")"
figure "reports acknowledged through A / B / failed" "$ACKED_A / $ACKED_B / $FAILED"
figure "rows / with instance / with acceptCase task" "$ROWS / $WITH_INSTANCE / $WITH_TASK"
figure "whole db: rows, without instance, instances without row" "$ALL_ROWS, $ALL_WITHOUT_INSTANCE, $ALL_INSTANCES_WITHOUT_ROW"
figure "ERROR lines in node A / node B log" "$ERRORS_A / $ERRORS_B"
figure "optimistic-locking lines in node A / node B log" "$OLE_A / $OLE_B"
figure "database errors in server logs" "$(db_errors "$RUN_DIR/node-a.log" "$RUN_DIR/node-b.log")"
figure "MariaDB buffer pool MB at start / end" "$POOL_AT_START / $(buffer_pool_mb)"
figure "script seconds" "$(( $(date +%s) - SCRIPT_START ))"

stop_server node-b TERM
stop_server node-a TERM

verdict "every timer fired exactly once across the two nodes; what one node did, the other saw" \
  "nothing doubled or lost so far, but:"
