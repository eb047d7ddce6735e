# shellcheck shell=bash
# Shared by crash.sh and two-nodes.sh: the jar, the database, starting and stopping servers.
# Sourced, not run. Expects RUN_DIR to be set by the caller.

RELIABILITY_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$RELIABILITY_DIR/../.." && pwd)

DB_HOST=${LIANHU_DB_HOST:-127.0.0.1}
DB_PORT=${LIANHU_DB_PORT:-3306}
DB_USER=${LIANHU_DB_USER:-root}
DB_PASSWORD=${LIANHU_DB_PASSWORD-}
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx1g}
# The admin password of the engine (user demo); the mysql profile refuses "demo".
ADMIN_PASSWORD=${LIANHU_ADMIN_PASSWORD:-reliability-$RANDOM$RANDOM}

STARTED_PIDS=()
declare -A START_FAILURES=()
failed_starts() { grep -c 'Application run failed' "$RUN_DIR/$1.log" 2>/dev/null || true; }

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 2; }

# The jar under test: LIANHU_JAR, else target/ of the repository these scripts live in, built if missing.
resolve_jar() {
  if [ -n "${LIANHU_JAR:-}" ]; then
    [ -f "$LIANHU_JAR" ] || die "LIANHU_JAR=$LIANHU_JAR does not exist"
    JAR=$LIANHU_JAR
    return
  fi
  local candidate
  JAR=
  for candidate in "$REPO_ROOT"/target/lianhu-*.jar; do
    [ -f "$candidate" ] && { JAR=$candidate; break; }
  done
  if [ -z "$JAR" ]; then
    log "no jar in $REPO_ROOT/target: building it (./mvnw -q -B package -DskipTests ${MVNW_FLAGS:-})"
    # shellcheck disable=SC2086 # MVNW_FLAGS: extra words on purpose (e.g. -o)
    (cd "$REPO_ROOT" && ./mvnw -q -B package -DskipTests ${MVNW_FLAGS:-}) || die "build failed"
    for candidate in "$REPO_ROOT"/target/lianhu-*.jar; do
      [ -f "$candidate" ] && { JAR=$candidate; break; }
    done
    [ -n "$JAR" ] || die "the build left no target/lianhu-*.jar"
  fi
}

# Refuses the databases that belong to the test suite or to other benchmarks.
guard_db() {
  case "$1" in
    lianhu_test|lianhu_test_*|lianhu_bench*|lianhu|mysql|sys|information_schema|performance_schema)
      die "refusing to use database '$1' (reserved); pick another name" ;;
  esac
}

mysql_cmd() {
  mysql --protocol=tcp -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" ${DB_PASSWORD:+-p"$DB_PASSWORD"} \
    --default-character-set=utf8mb4 "$@"
}

# sql DB "statement" -> tab-separated rows, no header. With ENGINE_TZ set (see detect_engine_tz), the
# session runs in the zone the server writes its times in, so that NOW() compares with DUEDATE_,
# LOCK_EXP_TIME_ and the job log.
ENGINE_TZ=
sql() {
  local db=$1; shift
  mysql_cmd -N -B "$db" -e "${ENGINE_TZ:+SET time_zone = '$ENGINE_TZ'; }$*"
}

# The server writes times as wall-clock time of its JVM zone (Asia/Shanghai unless LIANHU_TIME_ZONE or
# -Duser.timezone says otherwise; older builds used the machine's zone). Derived from the newest case
# row, which must be recent (minutes): the offset between its created_at and UTC, to the quarter hour.
detect_engine_tz() {
  local db=$1 diff
  diff=$(mysql_cmd -N -B "$db" -e "SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), MAX(created_at)) FROM case_record")
  [ -n "$diff" ] && [ "$diff" != NULL ] || die "no case row to read the server's time zone from"
  ENGINE_TZ=$(awk -v d="$diff" 'BEGIN { q = (d >= 0 ? int(d / 900 + 0.5) : -int(-d / 900 + 0.5)) * 900;
    s = (q < 0 ? "-" : "+"); if (q < 0) q = -q; printf "%s%02d:%02d", s, int(q / 3600), int((q % 3600) / 60) }')
  log "the server writes its times in UTC$ENGINE_TZ"
}

recreate_db() {
  guard_db "$1"
  mysql_cmd -e "DROP DATABASE IF EXISTS \`$1\`; CREATE DATABASE \`$1\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;" \
    || die "cannot (re)create database $1 on $DB_HOST:$DB_PORT"
}

# The JDBC URL of application-mysql.yml with nullDatabaseMeansCurrent=true. Without that flag
# mysql-connector-j answers Camunda's "does ACT_GE_PROPERTY exist?" from every database of the server, so a
# fresh database on a server that already holds a Camunda schema never gets its tables (docs/reliability.md,
# finding 1). The application's URL has it since commit 24e27a4; SCRIPT_JDBC_URL=1 passes this URL
# explicitly, for a jar built before that.
jdbc_url() {
  echo "jdbc:mysql://$DB_HOST:$DB_PORT/$1?sendFractionalSeconds=false&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true&nullDatabaseMeansCurrent=true"
}

# start_server NAME PORT DB [extra spring args...]: starts java -jar in the background, log in
# $RUN_DIR/NAME.log (appended across restarts), pid in $RUN_DIR/NAME.pid. History level full (Lianhu's
# default is audit): the scripts count job executions per node in ACT_HI_JOB_LOG, which only full writes.
# Every node of a run shares one file store ($RUN_DIR/files), as a cluster's nodes share one volume.
start_server() {
  local name=$1 port=$2 db=$3; shift 3
  guard_db "$db"
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "port $port is already taken"
  fi
  local url_arg=()
  [ "${SCRIPT_JDBC_URL:-0}" = 1 ] && url_arg=(--spring.datasource.url="$(jdbc_url "$db")")
  echo "==== start $(date -u +%FT%TZ) ====" >> "$RUN_DIR/$name.log"
  START_FAILURES[$name]=$(failed_starts "$name")
  # shellcheck disable=SC2086
  LIANHU_DB_HOST=$DB_HOST LIANHU_DB_PORT=$DB_PORT LIANHU_DB_NAME=$db LIANHU_DB_USER=$DB_USER \
  LIANHU_DB_PASSWORD=$DB_PASSWORD LIANHU_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  LIANHU_FILES_DIR=${LIANHU_FILES_DIR:-$RUN_DIR/files} \
    java $JAVA_OPTS -jar "$JAR" --spring.profiles.active=mysql --server.port="$port" \
      --lianhu.demo-data=true --lianhu.allow-demo-password=true \
      --spring.flyway.locations=classpath:db/migration,classpath:db/demo \
      --camunda.bpm.history-level=full \
      "${url_arg[@]}" "$@" >> "$RUN_DIR/$name.log" 2>&1 &
  local pid=$!
  disown "$pid" 2>/dev/null || true
  echo "$pid" > "$RUN_DIR/$name.pid"
  STARTED_PIDS+=("$pid")
  log "$name: started pid $pid on port $port (database $db)"
}

# wait_healthy NAME PORT TIMEOUT_SECONDS: waits until GET /api/categories answers 200; prints the seconds.
wait_healthy() {
  local name=$1 port=$2 timeout=$3 pid t0 now
  pid=$(cat "$RUN_DIR/$name.pid")
  t0=$(date +%s.%N)
  while :; do
    if curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$port/api/categories"; then
      now=$(date +%s.%N)
      # The start-up listeners (IdentitySync, TasklistFilters, AccessGrants) run after the web server
      # answers; a failure there still ends the process. Give them a moment and look again.
      sleep 3
      if ! kill -0 "$pid" 2>/dev/null || [ "$(failed_starts "$name")" != "${START_FAILURES[$name]:-0}" ]; then
        log "$name (pid $pid) answered, then failed its start; see $RUN_DIR/$name.log"; return 1
      fi
      awk -v a="$t0" -v b="$now" 'BEGIN { printf "%.1f\n", b - a }'
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { log "$name (pid $pid) died during start; see $RUN_DIR/$name.log"; return 1; }
    now=$(date +%s)
    [ $(( now - ${t0%.*} )) -lt "$timeout" ] || { log "$name not healthy after ${timeout}s"; return 1; }
    sleep 0.5
  done
}

# Stops a server this script started, by its pid. stop_server NAME [SIGNAL]
stop_server() {
  local name=$1 sig=${2:-TERM} pid
  pid=$(cat "$RUN_DIR/$name.pid" 2>/dev/null) || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -"$sig" "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  return 0
}

# On exit: stop every process this script started (by pid), nothing else.
cleanup_started() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
    fi
  done
  for pid in "${STARTED_PIDS[@]}"; do
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  done
}

# Figures go to stdout and to $RUN_DIR/summary.txt.
figure() {
  printf '%-44s %s\n' "$1" "$2" | tee -a "$RUN_DIR/summary.txt"
}

now_s() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

# A quoted, comma-separated SQL list of the first column of a file, led by '' so that it is never
# empty: '','a','b',...
sql_list() {
  awk -F'\t' 'BEGIN { printf "'\'''\''" } NF { printf ",'\''%s'\''", $1 }' "$1"
}

# push_due DB HANDLER_CFG CASEFILE: makes the timer jobs (ACT_RU_JOB.HANDLER_CFG_ = the event subprocess,
# e.g. acceptanceWarning, acceptanceOverdue) of the cases listed in CASEFILE (case numbers, first column)
# due in the past, as if their deadline had passed; prints how many jobs it changed. The ids are read
# first and updated by primary key: an UPDATE joined to case_record can deadlock with live reports.
push_due() {
  local db=$1 cfg=$2 file=$3 ids n
  ids=$(sql "$db" "SELECT j.ID_ FROM ACT_RU_JOB j JOIN case_record c ON j.PROCESS_INSTANCE_ID_ = c.process_instance_id
    WHERE j.HANDLER_CFG_ = '$cfg' AND c.case_no IN ($(sql_list "$file"))" | awk 'BEGIN { printf "'\'''\''" } NF { printf ",'\''%s'\''", $1 }')
  for _ in 1 2 3 4 5 6; do
    if n=$(sql "$db" "UPDATE ACT_RU_JOB SET DUEDATE_ = '2000-01-01 00:00:00' WHERE ID_ IN ($ids) AND LOCK_OWNER_ IS NULL;
                      SELECT ROW_COUNT();" 2>>"$RUN_DIR/sql-errors.log"); then
      echo "$n"; return 0
    fi
    sleep 0.5
  done
  log "could not push the $cfg timers due (see $RUN_DIR/sql-errors.log)"
  echo 0
}

# fire_delays DB JOBCFG CASEFILE SINCE: seconds from SINCE ('YYYY-MM-DD HH:MM:SS' in the server's zone:
# take it from `sql DB "SELECT NOW()"` once ENGINE_TZ is set) to each successful execution of the timer jobs whose job
# definition is JOBCFG (e.g. 'DATE: ${responseDue}') in the cases of CASEFILE, from Camunda's job log
# (ACT_HI_JOB_LOG, second resolution). Prints "count p50 p90 max within60s".
fire_delays() {
  local db=$1 cfg=$2 file=$3 since=$4
  sql "$db" "SELECT TIMESTAMPDIFF(SECOND, '$since', l.TIMESTAMP_) FROM ACT_HI_JOB_LOG l
    JOIN case_record c ON c.process_instance_id = l.PROCESS_INSTANCE_ID_
    WHERE l.JOB_STATE_ = 2 AND l.JOB_DEF_CONFIGURATION_ = '$cfg' AND l.TIMESTAMP_ >= '$since'
      AND c.case_no IN ($(sql_list "$file"))" | sort -n |
  awk '{ d[NR] = $1; if ($1 <= 60) w++ }
       END { if (NR == 0) { print "0 - - - 0"; exit }
             p50 = d[int((NR + 1) / 2)]; p90 = d[int(NR * 0.9 + 0.999)]; if (p90 == "") p90 = d[NR]
             print NR, p50, p90, d[NR], w + 0 }'
}

# Database trouble the servers met, from their logs: "lock table full" (MariaDB error 1206, seen when the
# shared server's buffer pool was shrunk under us) and deadlocks.
db_errors() {
  local full dead
  full=$(cat "$@" 2>/dev/null | grep -c 'The total number of locks exceeds the lock table size' || true)
  dead=$(cat "$@" 2>/dev/null | grep -c 'Deadlock found when trying to get lock' || true)
  echo "lock-table-full lines: $full, deadlock lines: $dead"
}
buffer_pool_mb() { mysql_cmd -N -B -e 'SELECT @@innodb_buffer_pool_size DIV 1048576' 2>/dev/null || echo '?'; }

# verdict PASS_TEXT INCONCLUSIVE_TEXT: the script's result from its arrays problems and pending, printed and
# appended to summary.txt; exits 0 (PASS), 3 (INCONCLUSIVE: nothing wrong yet, something still pending) or 1.
verdict() {
  echo
  if [ ${#problems[@]} -eq 0 ] && [ ${#pending[@]} -gt 0 ]; then
    echo "RESULT: INCONCLUSIVE - $2" | tee -a "$RUN_DIR/summary.txt"
    printf '  %s\n' "${pending[@]}" | tee -a "$RUN_DIR/summary.txt"
    exit 3
  fi
  if [ ${#problems[@]} -eq 0 ]; then
    echo "RESULT: PASS - $1" | tee -a "$RUN_DIR/summary.txt"
    exit 0
  fi
  echo "RESULT: FAIL" | tee -a "$RUN_DIR/summary.txt"
  printf '  %s\n' "${problems[@]}" | tee -a "$RUN_DIR/summary.txt"
  exit 1
}
