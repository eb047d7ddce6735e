#!/usr/bin/env bash
# Crash safety (docs/reliability.md): reports cases under load, kills the server with SIGKILL while
# requests and timer jobs are in flight, restarts it on the same database and checks that
#   - every acknowledged case (201 + caseNo) exists with its running process instance, its acceptance task,
#     its first timeline entry and its timers;
#   - no case row exists without its instance and no caseHandling instance without its row;
#   - requests cut by the crash either committed whole or left nothing, and a resend with the same
#     Idempotency-Key returns the committed case or creates it once;
#   - timers survive: warning timers that were being executed at the kill, and overdue timers that became
#     due while the server was down, each fire exactly once after the restart (超期督办: overdue = 1, one
#     timeline entry, one superviseAcceptance task).
# Prints the figures and exits 1 if anything was lost, orphaned or fired twice, 2 on a setup error, 3 when
# the wait ended before the locks the killed node held on timer jobs had expired (nothing wrong seen).
#
# Usage: bench/reliability/crash.sh            (from anywhere; needs java 17, mysql client, curl)
# Env:   LIANHU_JAR (else target/ of this repository, built if missing), CRASH_DB (lianhu_crash, dropped
#        and recreated), CRASH_PORT (18281), CLIENTS (8), WARMUP_SECONDS (12, at least; the warm-up
#        lasts until TIMERS_INFLIGHT + TIMERS_DOWN cases are acknowledged, WARMUP_MAX 150 s at most), JOB_LOCK_MS (empty:
#        the application's job lock time), TIMERS_INFLIGHT (150),
#        TIMERS_DOWN (100), RUN_DIR (logs), LIANHU_DB_HOST/PORT/USER/PASSWORD (127.0.0.1/3306/root/empty).
set -uo pipefail

SCRIPT_START=$(date +%s)
BUDGET_SECONDS=${BUDGET_SECONDS:-570}
CRASH_DB=${CRASH_DB:-lianhu_crash}
PORT=${CRASH_PORT:-18281}
CLIENTS=${CLIENTS:-8}
WARMUP_SECONDS=${WARMUP_SECONDS:-12}
TIMERS_INFLIGHT=${TIMERS_INFLIGHT:-150}
TIMERS_DOWN=${TIMERS_DOWN:-100}
WARMUP_MAX=${WARMUP_MAX:-150}
KILL_WAIT_MAX=${KILL_WAIT_MAX:-90}
# Lock time of the job executor; empty = the application's (Camunda's default, 5 minutes). A job the
# killed node had locked is taken up again only when its lock has expired.
JOB_LOCK_MS=${JOB_LOCK_MS:-}
RUN_DIR=${RUN_DIR:-/tmp/lianhu-reliability/crash-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$RUN_DIR"
: > "$RUN_DIR/summary.txt"

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

LOAD_PID=
on_exit() {
  [ -n "$LOAD_PID" ] && kill -0 "$LOAD_PID" 2>/dev/null && { touch "$RUN_DIR/stop"; kill "$LOAD_PID" 2>/dev/null; }
  cleanup_started
}
trap on_exit EXIT

remaining_budget() { echo $(( BUDGET_SECONDS - ($(date +%s) - SCRIPT_START) )); }

command -v mysql >/dev/null || die "mysql client missing"
command -v curl >/dev/null || die "curl missing"
SERVER_ARGS=()
[ -z "$JOB_LOCK_MS" ] || SERVER_ARGS+=(--camunda.bpm.job-execution.lock-time-in-millis="$JOB_LOCK_MS")

resolve_jar
POOL_AT_START=$(buffer_pool_mb)
log "jar: $JAR; run dir: $RUN_DIR; database: $CRASH_DB; port: $PORT"
recreate_db "$CRASH_DB"

# ---------------------------------------------------------------------------------------------------
# 1. Start, load, push timers due, kill -9 while the job executor works on them.
start_server crash "$PORT" "$CRASH_DB" "${SERVER_ARGS[@]}"
FIRST_START=$(wait_healthy crash "$PORT" 180) || exit 2
log "healthy after ${FIRST_START}s"

ACK=$RUN_DIR/ack.tsv FAIL=$RUN_DIR/fail.tsv
: > "$ACK"; : > "$FAIL"
java "$RELIABILITY_DIR/Load.java" report --base "http://127.0.0.1:$PORT" --clients "$CLIENTS" \
  --max-seconds 300 --prefix "crash-$(date +%s)" --ack "$ACK" --fail "$FAIL" \
  --stop-file "$RUN_DIR/stop" > "$RUN_DIR/load.out" 2>&1 &
LOAD_PID=$!
# Warm-up: at least WARMUP_SECONDS and enough acknowledged cases for both timer groups (at most
# WARMUP_MAX seconds; with fewer, the groups shrink).
WANT=$(( TIMERS_INFLIGHT + TIMERS_DOWN ))
log "load: $CLIENTS clients reporting (pid $LOAD_PID); warm-up until ${WARMUP_SECONDS}s and $WANT acknowledged"
t0=$(date +%s)
while :; do
  sleep 1
  n=$(wc -l < "$ACK"); waited=$(( $(date +%s) - t0 ))
  [ "$waited" -ge "$WARMUP_SECONDS" ] && [ "$n" -ge "$WANT" ] && break
  [ "$waited" -lt "$WARMUP_MAX" ] || { log "only $n acknowledged after ${WARMUP_MAX}s; going on with those"; break; }
  kill -0 "$LOAD_PID" 2>/dev/null || die "the load client stopped: $(cat "$RUN_DIR/load.out")"
done

detect_engine_tz "$CRASH_DB"

# T1: warning timers of the first TIMERS_INFLIGHT acknowledged cases, due now, while the server runs.
head -n "$TIMERS_INFLIGHT" "$ACK" | cut -f2 > "$RUN_DIR/t1.cases"
T1_LIST=$(sql_list "$RUN_DIR/t1.cases")
[ -s "$RUN_DIR/t1.cases" ] || die "no case acknowledged during the warm-up; see $RUN_DIR/crash.log and load.out"
T1_PUSHED=$(push_due "$CRASH_DB" acceptanceWarning "$RUN_DIR/t1.cases")
log "T1: pushed $T1_PUSHED warning timers due; waiting for the job executor to pick them up"

T1_JOBS="FROM ACT_RU_JOB j JOIN case_record c ON j.PROCESS_INSTANCE_ID_ = c.process_instance_id
  WHERE j.HANDLER_CFG_ = 'acceptanceWarning' AND c.case_no IN ($T1_LIST)"
t0=$(date +%s)
while :; do
  read -r left locked < <(sql "$CRASH_DB" "SELECT COUNT(*), COALESCE(SUM(j.LOCK_OWNER_ IS NOT NULL), 0) $T1_JOBS")
  if [ "${locked:-0}" -gt 0 ] || [ "${left:-$T1_PUSHED}" -lt "$T1_PUSHED" ]; then break; fi
  if [ $(( $(date +%s) - t0 )) -ge "$KILL_WAIT_MAX" ]; then
    log "the job executor took none of the T1 timers within ${KILL_WAIT_MAX}s; killing anyway"; break
  fi
  sleep 0.2
done
kill -KILL "$(cat "$RUN_DIR/crash.pid")"
ACKED_AT_KILL=$(wc -l < "$ACK")
log "kill -9 sent (T1 jobs left $left, locked $locked at the last look); acknowledged so far: $ACKED_AT_KILL"
sleep 3
touch "$RUN_DIR/stop"
wait "$LOAD_PID"; LOAD_PID=
cat "$RUN_DIR/load.out" >&2

# ---------------------------------------------------------------------------------------------------
# 2. While the server is down: what did the crash leave? Push overdue timers (T2) into the past.
read -r T1_LEFT T1_LOCKED T1_LOCK_SECONDS < <(sql "$CRASH_DB" "SELECT COUNT(*),
  COALESCE(SUM(j.LOCK_OWNER_ IS NOT NULL), 0),
  COALESCE(TIMESTAMPDIFF(SECOND, NOW(), MAX(j.LOCK_EXP_TIME_)), 0) $T1_JOBS")
T1_FIRED_BEFORE_KILL=$(sql "$CRASH_DB" "SELECT COUNT(DISTINCT c.id) FROM case_record c JOIN case_timeline t ON t.case_id = c.id
  WHERE t.action = '催办' AND c.case_no IN ($T1_LIST)")

# Cut requests: sent, then the connection died (or timed out). They may or may not have committed.
awk -F'\t' '$3 == "cut" || $3 == "timeout" || $3 == "other" || $3 ~ /^http-5/' "$FAIL" > "$RUN_DIR/cut.tsv"

# consistency LABEL: the checks on acknowledged and cut requests and on the whole database.
consistency() {
  local label=$1 file=$RUN_DIR/check-$1.sql
  {
    echo "CREATE TEMPORARY TABLE ack (k VARCHAR(100) PRIMARY KEY, case_no VARCHAR(20), tracking VARCHAR(16), KEY (case_no));"
    echo "CREATE TEMPORARY TABLE cut (k VARCHAR(100) PRIMARY KEY);"
    awk -F'\t' 'NF { printf "INSERT INTO ack VALUES ('\''%s'\'','\''%s'\'','\''%s'\'');\n", $1, $2, $3 }' "$ACK"
    awk -F'\t' 'NF { printf "INSERT INTO cut VALUES ('\''%s'\'');\n", $1 }' "$RUN_DIR/cut.tsv"
    cat <<'SQL'
CREATE TEMPORARY TABLE pi (id VARCHAR(64) CHARACTER SET utf8mb3 COLLATE utf8mb3_bin PRIMARY KEY, case_no VARCHAR(20), case_id BIGINT);
INSERT INTO pi SELECT process_instance_id, case_no, id FROM case_record WHERE process_instance_id IS NOT NULL;
SELECT 'acknowledged', COUNT(*) FROM ack;
SELECT 'ack_missing_row', COUNT(*) FROM ack a LEFT JOIN case_record c ON c.case_no = a.case_no WHERE c.id IS NULL;
SELECT 'ack_row_mismatch', COUNT(*) FROM ack a JOIN case_record c ON c.case_no = a.case_no
  WHERE NOT (c.idempotency_key <=> a.k) OR c.tracking_code <> a.tracking;
SELECT 'ack_without_instance', COUNT(*) FROM ack a JOIN case_record c ON c.case_no = a.case_no
  LEFT JOIN pi ON pi.case_no = c.case_no
  LEFT JOIN ACT_RU_EXECUTION e ON e.ID_ = pi.id AND e.PROC_INST_ID_ = e.ID_ AND e.BUSINESS_KEY_ = a.case_no
  WHERE e.ID_ IS NULL;
SELECT 'ack_without_accept_task', COUNT(*) FROM ack a JOIN pi ON pi.case_no = a.case_no
  WHERE NOT EXISTS (SELECT 1 FROM ACT_RU_TASK t WHERE t.PROC_INST_ID_ = pi.id
                    AND t.TASK_DEF_KEY_ = 'acceptCase' AND t.ASSIGNEE_ = 'wangli');
SELECT 'ack_without_report_entry', COUNT(*) FROM ack a JOIN case_record c ON c.case_no = a.case_no
  WHERE NOT EXISTS (SELECT 1 FROM case_timeline t WHERE t.case_id = c.id AND t.action = '事件上报');
SELECT 'ack_warning_timer_lost', COUNT(*) FROM ack a JOIN pi ON pi.case_no = a.case_no
  WHERE NOT EXISTS (SELECT 1 FROM ACT_RU_JOB j WHERE j.PROCESS_INSTANCE_ID_ = pi.id AND j.HANDLER_CFG_ = 'acceptanceWarning')
    AND NOT EXISTS (SELECT 1 FROM case_timeline t WHERE t.case_id = pi.case_id AND t.action = '催办');
SELECT 'ack_overdue_timer_lost', COUNT(*) FROM ack a JOIN pi ON pi.case_no = a.case_no
  WHERE NOT EXISTS (SELECT 1 FROM ACT_RU_JOB j WHERE j.PROCESS_INSTANCE_ID_ = pi.id AND j.HANDLER_CFG_ = 'acceptanceOverdue')
    AND NOT EXISTS (SELECT 1 FROM case_timeline t WHERE t.case_id = pi.case_id AND t.action = '超期督办');
SELECT 'rows_total', COUNT(*) FROM case_record;
SELECT 'rows_without_case_no', COUNT(*) FROM case_record WHERE case_no IS NULL;
SELECT 'rows_without_instance', COUNT(*) FROM case_record c LEFT JOIN pi ON pi.case_id = c.id
  LEFT JOIN ACT_RU_EXECUTION e ON e.ID_ = pi.id AND e.PROC_INST_ID_ = e.ID_ WHERE e.ID_ IS NULL;
SELECT 'instances_total', COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'caseHandling';
SELECT 'instances_without_row', COUNT(*) FROM ACT_HI_PROCINST h LEFT JOIN pi ON pi.id = h.ID_
  WHERE h.PROC_DEF_KEY_ = 'caseHandling' AND pi.id IS NULL;
SELECT 'running_instances_without_row', COUNT(*) FROM ACT_RU_EXECUTION e LEFT JOIN pi ON pi.id = e.ID_
  WHERE e.ID_ = e.PROC_INST_ID_ AND e.PROC_DEF_ID_ LIKE 'caseHandling:%' AND pi.id IS NULL;
SELECT 'rows_unacknowledged', COUNT(*) FROM case_record c LEFT JOIN ack a ON a.case_no = c.case_no WHERE a.k IS NULL;
SELECT 'rows_unacknowledged_not_cut', COUNT(*) FROM case_record c LEFT JOIN ack a ON a.case_no = c.case_no
  LEFT JOIN cut x ON x.k = c.idempotency_key WHERE a.k IS NULL AND x.k IS NULL;
SELECT 'cut_requests', COUNT(*) FROM cut;
SELECT 'cut_committed', COUNT(*) FROM cut x JOIN case_record c ON c.idempotency_key = x.k;
SQL
  } > "$file"
  mysql_cmd -N -B "$CRASH_DB" < "$file" > "$RUN_DIR/check-$label.out" || die "consistency queries failed ($file)"
}

consistency after-kill
declare -A K
while IFS=$'\t' read -r name value; do K[$name]=$value; done < "$RUN_DIR/check-after-kill.out"

# T2: overdue timers of the next TIMERS_DOWN acknowledged cases become due while the server is down.
tail -n +"$((TIMERS_INFLIGHT + 1))" "$ACK" | head -n "$TIMERS_DOWN" | cut -f2 > "$RUN_DIR/t2.cases"
T2_LIST=$(sql_list "$RUN_DIR/t2.cases")
T2_PUSHED=0
if [ -s "$RUN_DIR/t2.cases" ]; then
  T2_PUSHED=$(push_due "$CRASH_DB" acceptanceOverdue "$RUN_DIR/t2.cases")
fi
T2_CASES=$(grep -c . "$RUN_DIR/t2.cases")
log "server down: T1 left $T1_LEFT (locked by the dead node: $T1_LOCKED, lock expires in ${T1_LOCK_SECONDS}s); T2: pushed $T2_PUSHED overdue timers due"

# ---------------------------------------------------------------------------------------------------
# 3. Restart on the same database; wait for the timers.
RESTART_AT=$(now_s)
RESTART_LOCAL=$(sql "$CRASH_DB" "SELECT NOW()")
start_server crash "$PORT" "$CRASH_DB" "${SERVER_ARGS[@]}"
RESTART_SECONDS=$(wait_healthy crash "$PORT" 180) || exit 2
log "restarted, healthy after ${RESTART_SECONDS}s"

T1_CASES=$(grep -c . "$RUN_DIR/t1.cases")
wait_limit=$(( T1_LOCK_SECONDS > 0 ? T1_LOCK_SECONDS + 90 : 120 ))
[ "$wait_limit" -ge 120 ] || wait_limit=120
budget=$(( $(remaining_budget) - 40 ))
[ "$wait_limit" -le "$budget" ] || { log "timer wait cut from ${wait_limit}s to ${budget}s (script budget)"; wait_limit=$budget; }
log "waiting up to ${wait_limit}s for T1 ($T1_CASES cases) and T2 ($T2_CASES cases)"
T1_DONE_AFTER='' T2_DONE_AFTER=''
t0=$(date +%s)
while :; do
  read -r t1_reminded t1_jobs_left t2_escalated < <(sql "$CRASH_DB" "SELECT
    (SELECT COUNT(DISTINCT t.case_id) FROM case_timeline t JOIN case_record c ON c.id = t.case_id
       WHERE t.action = '催办' AND c.case_no IN ($T1_LIST)),
    (SELECT COUNT(*) $T1_JOBS),
    (SELECT COUNT(*) FROM case_record c WHERE c.overdue AND c.case_no IN ($T2_LIST))")
  t1_reminded=${t1_reminded:-0} t1_jobs_left=${t1_jobs_left:-1} t2_escalated=${t2_escalated:-0}
  [ -z "$T1_DONE_AFTER" ] && [ "$t1_reminded" -ge "$T1_CASES" ] && [ "$t1_jobs_left" -eq 0 ] && T1_DONE_AFTER=$(elapsed "$RESTART_AT")
  [ -z "$T2_DONE_AFTER" ] && [ "$t2_escalated" -ge "$T2_CASES" ] && T2_DONE_AFTER=$(elapsed "$RESTART_AT")
  [ -n "$T1_DONE_AFTER" ] && [ -n "$T2_DONE_AFTER" ] && break
  [ $(( $(date +%s) - t0 )) -lt "$wait_limit" ] || { log "timer wait ended with T1 $t1_reminded/$T1_CASES, T2 $t2_escalated/$T2_CASES"; break; }
  sleep 1
done
sleep 2 # let a (wrong) second firing show up, if there were one

read -r T1_REMINDED T1_DOUBLE T1_JOBS_LEFT < <(sql "$CRASH_DB" "SELECT COUNT(*), COALESCE(SUM(n > 1), 0),
  (SELECT COUNT(*) $T1_JOBS) FROM (SELECT c.id, COUNT(t.id) n FROM case_record c
  JOIN case_timeline t ON t.case_id = c.id AND t.action = '催办' WHERE c.case_no IN ($T1_LIST) GROUP BY c.id) x")
# T1 jobs still locked by the dead node with a lock that has not expired yet: not lost, not yet due again.
T1_STILL_LOCKED=$(sql "$CRASH_DB" "SELECT COUNT(*) $T1_JOBS AND j.LOCK_EXP_TIME_ > NOW()")
# T2 jobs left that a lock holds back: their own (a node took them, failed on a database error and could
# not record the failure) or another locked job of the same instance (timer jobs are exclusive).
T2_HELD=$(sql "$CRASH_DB" "SELECT COUNT(*) FROM ACT_RU_JOB j JOIN case_record c ON j.PROCESS_INSTANCE_ID_ = c.process_instance_id
  WHERE j.HANDLER_CFG_ = 'acceptanceOverdue' AND c.case_no IN ($T2_LIST) AND EXISTS (SELECT 1 FROM ACT_RU_JOB k
    WHERE k.PROCESS_INSTANCE_ID_ = j.PROCESS_INSTANCE_ID_ AND k.LOCK_EXP_TIME_ > NOW())")
read -r T2_OVERDUE T2_ENTRIES T2_DOUBLE T2_SUPERVISE T2_JOBS_LEFT < <(sql "$CRASH_DB" "SELECT
  (SELECT COUNT(*) FROM case_record c WHERE c.overdue AND c.case_no IN ($T2_LIST)),
  (SELECT COUNT(DISTINCT t.case_id) FROM case_timeline t JOIN case_record c ON c.id = t.case_id
     WHERE t.action = '超期督办' AND c.case_no IN ($T2_LIST)),
  (SELECT COUNT(*) FROM (SELECT t.case_id FROM case_timeline t JOIN case_record c ON c.id = t.case_id
     WHERE t.action = '超期督办' AND c.case_no IN ($T2_LIST) GROUP BY t.case_id HAVING COUNT(*) > 1) d),
  (SELECT COUNT(DISTINCT c.id) FROM case_record c JOIN ACT_RU_TASK k ON k.PROC_INST_ID_ = c.process_instance_id
     WHERE k.TASK_DEF_KEY_ = 'superviseAcceptance' AND c.case_no IN ($T2_LIST)),
  (SELECT COUNT(*) FROM ACT_RU_JOB j JOIN case_record c ON j.PROCESS_INSTANCE_ID_ = c.process_instance_id
     WHERE j.HANDLER_CFG_ = 'acceptanceOverdue' AND c.case_no IN ($T2_LIST))")
read -r REMIND_TOTAL ESCALATE_TOTAL OVERDUE_TOTAL SUPERVISE_TOTAL INCIDENTS FAILED_JOBS < <(sql "$CRASH_DB" "SELECT
  (SELECT COUNT(*) FROM case_timeline WHERE action = '催办'),
  (SELECT COUNT(*) FROM case_timeline WHERE action = '超期督办'),
  (SELECT COUNT(*) FROM case_record WHERE overdue),
  (SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'superviseAcceptance'),
  (SELECT COUNT(*) FROM ACT_RU_INCIDENT),
  (SELECT COUNT(*) FROM ACT_RU_JOB WHERE EXCEPTION_MSG_ IS NOT NULL)")

read -r T1_N T1_P50 T1_P90 T1_MAX T1_W60 < <(fire_delays "$CRASH_DB" 'DATE: ${responseWarnAt}' "$RUN_DIR/t1.cases" "$RESTART_LOCAL")
read -r T2_N T2_P50 T2_P90 T2_MAX T2_W60 < <(fire_delays "$CRASH_DB" 'DATE: ${responseDue}' "$RUN_DIR/t2.cases" "$RESTART_LOCAL")

consistency after-restart
declare -A R # read through the nameref C below
# shellcheck disable=SC2034
while IFS=$'\t' read -r name value; do R[$name]=$value; done < "$RUN_DIR/check-after-restart.out"

# ---------------------------------------------------------------------------------------------------
# 4. Resend the cut requests as a client retrying after the outage would: same key, same body.
awk -F'\t' 'NF { print $1 }' "$RUN_DIR/cut.tsv" > "$RUN_DIR/cut.keys"
CUT_COMMITTED_KEYS=$(sql "$CRASH_DB" "SELECT idempotency_key FROM case_record WHERE idempotency_key IN ($(sql_list "$RUN_DIR/cut.keys"))" | sort)
RESEND_OUT=$RUN_DIR/resend.tsv
: > "$RESEND_OUT"
RESEND_BAD=0
if [ -s "$RUN_DIR/cut.tsv" ]; then
  java "$RELIABILITY_DIR/Load.java" resend --base "http://127.0.0.1:$PORT" --fail "$RUN_DIR/cut.tsv" \
    --out "$RESEND_OUT" > "$RUN_DIR/resend.out" 2>&1 || log "resend failed: $(cat "$RUN_DIR/resend.out")"
  cat "$RUN_DIR/resend.out" >&2
  # A committed key must be replayed (200), an uncommitted one created (201); afterwards each key has
  # exactly one case, with its instance.
  while IFS=$'\t' read -r key status _ _ _; do
    if grep -qxF "$key" <<< "$CUT_COMMITTED_KEYS"; then [ "$status" = 200 ] || RESEND_BAD=$((RESEND_BAD + 1))
    else [ "$status" = 201 ] || RESEND_BAD=$((RESEND_BAD + 1)); fi
  done < "$RESEND_OUT"
  RESEND_MISSING=$(sql "$CRASH_DB" "SELECT $(grep -c . "$RUN_DIR/cut.keys") - COUNT(*) FROM case_record c
    JOIN ACT_RU_EXECUTION e ON e.ID_ = c.process_instance_id AND e.PROC_INST_ID_ = e.ID_
    WHERE c.idempotency_key IN ($(sql_list "$RUN_DIR/cut.keys"))")
  RESEND_BAD=$((RESEND_BAD + RESEND_MISSING))
fi
RESEND_REPLAYED=$(awk -F'\t' '$2 == 200' "$RESEND_OUT" | grep -c . || true)
RESEND_CREATED=$(awk -F'\t' '$2 == 201' "$RESEND_OUT" | grep -c . || true)

stop_server crash TERM

# ---------------------------------------------------------------------------------------------------
# 5. Figures.
REFUSED=$(awk -F'\t' '$3 == "refused"' "$FAIL" | grep -c . || true)
OTHER_HTTP=$(awk -F'\t' '$3 ~ /^http-[^5]/' "$FAIL" | grep -c . || true)
echo
figure "run directory" "$RUN_DIR"
figure "load" "$(tail -1 "$RUN_DIR/load.out")"
figure "first start (s)" "$FIRST_START"
figure "acknowledged before the kill (201)" "${K[acknowledged]}"
figure "requests cut in flight by the kill" "${K[cut_requests]}"
figure "  of which committed (row + instance)" "${K[cut_committed]}"
figure "requests refused while down (not sent)" "$REFUSED"
figure "other HTTP errors (4xx)" "$OTHER_HTTP"
figure "restart until healthy (s)" "$RESTART_SECONDS"
for phase in after-kill after-restart; do
  target=R; [ "$phase" = after-kill ] && target=K
  declare -n C=$target
  figure "[$phase] acknowledged cases missing" "${C[ack_missing_row]}"
  figure "[$phase] acknowledged: key/code mismatch" "${C[ack_row_mismatch]}"
  figure "[$phase] acknowledged without running instance" "${C[ack_without_instance]}"
  figure "[$phase] acknowledged without acceptCase task" "${C[ack_without_accept_task]}"
  figure "[$phase] acknowledged without 事件上报 entry" "${C[ack_without_report_entry]}"
  figure "[$phase] acknowledged, warning timer lost" "${C[ack_warning_timer_lost]}"
  figure "[$phase] acknowledged, overdue timer lost" "${C[ack_overdue_timer_lost]}"
  figure "[$phase] case rows / caseHandling instances" "${C[rows_total]} / ${C[instances_total]}"
  figure "[$phase] rows without case number" "${C[rows_without_case_no]}"
  figure "[$phase] rows without instance" "${C[rows_without_instance]}"
  figure "[$phase] instances without row" "${C[instances_without_row]} (running: ${C[running_instances_without_row]})"
  figure "[$phase] unacknowledged rows (cut, committed)" "${C[rows_unacknowledged]} (not from a cut request: ${C[rows_unacknowledged_not_cut]})"
  unset -n C
done
figure "T1 warning timers pushed due before kill" "$T1_PUSHED (cases: $T1_CASES)"
figure "T1 fired before the kill" "$T1_FIRED_BEFORE_KILL"
figure "T1 left at kill / locked by the dead node" "$T1_LEFT / $T1_LOCKED (lock expiry ${T1_LOCK_SECONDS}s after the kill)"
figure "T1 cases with 催办 after restart" "$T1_REMINDED / $T1_CASES (more than one: $T1_DOUBLE; jobs left: $T1_JOBS_LEFT)"
figure "T1 all fired, seconds after restart began" "${T1_DONE_AFTER:-NOT WITHIN ${wait_limit}s (still locked by the dead node: $T1_STILL_LOCKED)}"
figure "T1 fired after restart: n, s after restart p50/p90/max" "$T1_N, $T1_P50/$T1_P90/$T1_MAX (within 60 s: $T1_W60)"
figure "T2 overdue timers pushed due while down" "$T2_PUSHED (cases: $T2_CASES)"
figure "T2 overdue=1 / 超期督办 / superviseAcceptance" "$T2_OVERDUE / $T2_ENTRIES / $T2_SUPERVISE of $T2_CASES (more than one entry: $T2_DOUBLE; jobs left: $T2_JOBS_LEFT)"
figure "T2 all escalated, seconds after restart began" "${T2_DONE_AFTER:-NOT WITHIN ${wait_limit}s}"
figure "T2 fired: n, s after restart p50/p90/max" "$T2_N, $T2_P50/$T2_P90/$T2_MAX (within 60 s: $T2_W60)"
figure "whole db: 催办 / 超期督办 / overdue / 督办 tasks" "$REMIND_TOTAL / $ESCALATE_TOTAL / $OVERDUE_TOTAL / $SUPERVISE_TOTAL"
figure "incidents / jobs with an exception" "$INCIDENTS / $FAILED_JOBS"
figure "resend of cut requests: replayed / created" "$RESEND_REPLAYED / $RESEND_CREATED (wrong answers or missing: $RESEND_BAD)"
figure "database errors in server logs" "$(db_errors "$RUN_DIR/crash.log")"
figure "MariaDB buffer pool MB at start / end" "$POOL_AT_START / $(buffer_pool_mb)"
figure "script seconds" "$(( $(date +%s) - SCRIPT_START ))"

problems=()
for phase in K R; do
  declare -n C=$phase
  for k in ack_missing_row ack_row_mismatch ack_without_instance ack_without_accept_task ack_without_report_entry \
           ack_warning_timer_lost ack_overdue_timer_lost rows_without_case_no rows_without_instance \
           instances_without_row running_instances_without_row rows_unacknowledged_not_cut; do
    [ "${C[$k]:-x}" = 0 ] || problems+=("$phase:$k=${C[$k]:-?}")
  done
  unset -n C
done
pending=()
if [ "$T1_DOUBLE" != 0 ] || [ $(( T1_REMINDED + T1_JOBS_LEFT )) -ne "$T1_CASES" ]; then
  problems+=("T1 warning timers: $T1_REMINDED/$T1_CASES fired, $T1_DOUBLE twice, $T1_JOBS_LEFT left")
elif [ "$T1_JOBS_LEFT" != 0 ]; then
  if [ "$T1_JOBS_LEFT" = "$T1_STILL_LOCKED" ]; then
    pending+=("T1: $T1_JOBS_LEFT warning timers are still locked by the killed node; their lock had not expired when the wait ended")
  else
    problems+=("T1 warning timers: $T1_JOBS_LEFT due and unlocked, but not fired")
  fi
fi
if [ "$T2_DOUBLE" != 0 ] || [ $(( T2_ENTRIES + T2_JOBS_LEFT )) -ne "$T2_CASES" ] || [ "$T2_OVERDUE" != "$T2_ENTRIES" ] \
   || [ "$T2_SUPERVISE" != "$T2_ENTRIES" ]; then
  problems+=("T2 overdue timers: $T2_OVERDUE overdue, $T2_ENTRIES entries, $T2_SUPERVISE tasks of $T2_CASES, $T2_DOUBLE twice, $T2_JOBS_LEFT left")
elif [ "$T2_JOBS_LEFT" != 0 ]; then
  if [ "$T2_JOBS_LEFT" = "$T2_HELD" ]; then
    pending+=("T2: $T2_JOBS_LEFT overdue timers held by job locks (taken after the restart, failed on database errors); not yet run again")
  else
    problems+=("T2 overdue timers: $T2_JOBS_LEFT due and not held by a lock, but not fired")
  fi
fi
[ "$REMIND_TOTAL" = "$T1_REMINDED" ] && [ "$T1_DOUBLE" = 0 ] || problems+=("催办 entries in the db: $REMIND_TOTAL, for $T1_REMINDED reminded T1 cases")
[ "$ESCALATE_TOTAL" = "$T2_ENTRIES" ] && [ "$T2_DOUBLE" = 0 ] || problems+=("超期督办 entries in the db: $ESCALATE_TOTAL, for $T2_ENTRIES escalated T2 cases")
[ "$RESEND_BAD" = 0 ] || problems+=("resend: $RESEND_BAD wrong answers or missing cases")
[ "$INCIDENTS" = 0 ] || problems+=("incidents: $INCIDENTS")

verdict "nothing acknowledged was lost, no orphan, every pushed timer fired exactly once after the restart" \
  "nothing lost or doubled so far, but:"
