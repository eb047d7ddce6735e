#!/usr/bin/env bash
# The Lianhu benchmark: one command, one run, every figure of docs/performance.md with its baseline.
#
#   bench/run.sh            full run (about 20 minutes on 2 cores), writes bench/results/latest.md
#   bench/run.sh --smoke    a few requests per level, 100 timers, 10,000 historical cases: checks that the
#                           harness works (exit status), not the speed; under 3 minutes
#   BENCH_STEPS=liaison bench/run.sh
#                           the liaison units alone (not in the default steps): 1,000,000 households with 12
#                           months of visits (10,000 with --smoke), then /unit/, visits and coverage
#   BENCH_STEPS=photos bench/run.sh
#                           reports with one 3 MB photo each (uploaded, then the report; and multipart) with the RSS
#   BENCH_STEPS=tasklist bench/run.sh
#                           1,000,000 closed cases, then a grid worker's Tasklist at 100 ... 10,000 open tasks
#   BENCH_STEPS=vanilla bench/run.sh
#                           intake against a plain Camunda 7.24 application (bench/vanilla), history audit and full
#   BENCH_STEPS=outbox bench/run.sh
#                           5,000 e-mails through the outbox to a local SMTP sink (OUTBOX_EMAILS, SMTP_PORT)
#   BENCH_STEPS=orgimport bench/run.sh
#                           the organisation import alone (not in the default steps): a county workbook of
#                           554,631 rows (1% with --smoke) imported into a server without the demo organisation
#
# Needs: JDK 17 (java, jcmd, jstat), a MySQL-compatible server on 127.0.0.1:3306 whose root account (no
# password by default) may create the databases lianhu_bench and lianhu_bench_vanilla and the account
# lianhu_bench. Everything is configured by environment variables, see bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

MODE=full
for arg in "$@"; do
  case "$arg" in
    --smoke) MODE=smoke ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg (use --smoke or nothing)" >&2; exit 2 ;;
  esac
done

PORT=${BENCH_PORT:-18181}
DB=${BENCH_DB:-lianhu_bench}
DB_VANILLA=${BENCH_DB_VANILLA:-lianhu_bench_vanilla}
DB_HOST=${BENCH_DB_HOST:-127.0.0.1}
DB_PORT=${BENCH_DB_PORT:-3306}
DB_ROOT_USER=${BENCH_DB_ROOT_USER:-root}
DB_ROOT_PASSWORD=${BENCH_DB_ROOT_PASSWORD:-}
DB_USER=${BENCH_DB_USER:-lianhu_bench}
DB_PASSWORD=${BENCH_DB_PASSWORD:-lianhu_bench}
ADMIN_PASSWORD=${BENCH_ADMIN_PASSWORD:-bench-admin-pw}
JAVA_OPTS_SERVER=${BENCH_JAVA_OPTS:-}
STEPS=${BENCH_STEPS:-intake,timers,queries}   # a subset for tuning experiments; start-up is always measured
has_step() { [[ ",$STEPS," == *",$1,"* ]]; }
SERVER_ARGS_EXTRA=${BENCH_SERVER_ARGS:-}

if [ "$MODE" = full ]; then
  LEVELS=${BENCH_LEVELS:-1,8,32}
  PREWARM=${BENCH_PREWARM_S:-20}; WARMUP=${BENCH_WARMUP_S:-5}; DURATION=${BENCH_DURATION_S:-20}
  DB_DURATION=${BENCH_DB_DURATION_S:-10}; MAX_REQ=1000000
  ROWS_N=50; TIMERS=${BENCH_TIMERS:-10000}; HISTORY=${BENCH_HISTORY:-1000000}
  LOOKUPS=${BENCH_LOOKUPS:-2000}; KPI_REPS=${BENCH_KPI_REPS:-5}; STATS_CALLS=30; PROFILE_S=15
  BUFFER_POOL_MB=${BENCH_DB_BUFFER_POOL_MB:-2048}
  USERSTAT=${BENCH_DB_USERSTAT:-true}
  ORG_SCALE=${BENCH_ORG_SCALE:-1}
  LIAISON_HOUSEHOLDS=${BENCH_LIAISON_HOUSEHOLDS:-1000000}; COVERAGE_REPS=30
  TASKLIST_SIZES=${BENCH_TASKLIST_SIZES:-100,350,1000,2000,4341,10000}; TASKLIST_REPS=${BENCH_TASKLIST_REPS:-30}
  TASKLIST_SMALL=100; TASKLIST_OFFICE=${BENCH_TASKLIST_OFFICE:-10000}
else
  LEVELS=1,8,32
  PREWARM=0; WARMUP=0; DURATION=10; DB_DURATION=1; MAX_REQ=5
  ROWS_N=3; TIMERS=100; HISTORY=10000; LOOKUPS=20; KPI_REPS=1; STATS_CALLS=3; PROFILE_S=2
  BUFFER_POOL_MB=${BENCH_DB_BUFFER_POOL_MB:-0}
  USERSTAT=${BENCH_DB_USERSTAT:-false}
  ORG_SCALE=${BENCH_ORG_SCALE:-0.01}
  LIAISON_HOUSEHOLDS=${BENCH_LIAISON_HOUSEHOLDS:-10000}; COVERAGE_REPS=3
  TASKLIST_SIZES=${BENCH_TASKLIST_SIZES:-10,50}; TASKLIST_REPS=${BENCH_TASKLIST_REPS:-3}; TASKLIST_SMALL=5
  TASKLIST_OFFICE=${BENCH_TASKLIST_OFFICE:-10}
fi
LIAISON_LEVELS=${BENCH_LIAISON_LEVELS:-1,8}
# The county workbook of the orgimport step: the design's sizes (docs/organisation.md, "Scale") times
# ORG_SCALE, each one overridable.
ORG_ARGS=(--org-scale "$ORG_SCALE")
for pair in streets:BENCH_ORG_STREETS communities:BENCH_ORG_COMMUNITIES grids:BENCH_ORG_GRIDS units:BENCH_ORG_UNITS \
    households:BENCH_ORG_HOUSEHOLDS staff:BENCH_ORG_STAFF; do
  var=${pair#*:}
  if [ -n "${!var:-}" ]; then ORG_ARGS+=(--"${pair%%:*}" "${!var}"); fi
done
# BENCH_ORG_HEADS=false: the units' heads get no login (the county as issue #12 measured it).
if [ -n "${BENCH_ORG_HEADS:-}" ]; then ORG_ARGS+=(--heads "$BENCH_ORG_HEADS"); fi

step() { printf '\n=== %s ===\n' "$*"; }
die() { echo "bench: $*" >&2; exit 1; }

for tool in java javac jcmd jstat curl; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool not found (a JDK 17 and curl are needed)"
done

# One run at a time on this machine: the runs share the databases and the port.
exec 9>"${TMPDIR:-/tmp}/lianhu-bench.lock"
flock -n 9 || die "another bench run holds ${TMPDIR:-/tmp}/lianhu-bench.lock"

# The jar of this repository: LIANHU_JAR, else target/, else build it.
if [ -n "${LIANHU_JAR:-}" ]; then
  JAR=$LIANHU_JAR
else
  JAR=$(ls target/lianhu-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true)
  if [ -z "$JAR" ]; then
    step "Building the jar: ./mvnw -q -B package -DskipTests"
    ./mvnw -q -B package -DskipTests
    JAR=$(ls target/lianhu-*.jar | grep -v '\.original$' | head -n 1)
  fi
fi
[ -f "$JAR" ] || die "no jar at $JAR"
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RUN_DIR=$ROOT/bench/results/runs/$STAMP-$MODE
mkdir -p "$RUN_DIR"
RESULTS=$RUN_DIR/results.properties
echo "bench: $MODE run, jar $JAR, results in $RUN_DIR"

if curl -s -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null; then
  die "something already answers on port $PORT (set BENCH_PORT)"
fi

DB_PID=""
if [ "$DB_HOST" = 127.0.0.1 ] || [ "$DB_HOST" = localhost ]; then
  DB_PID=$(pidof mariadbd 2>/dev/null || pidof mysqld 2>/dev/null || true)
  DB_PID=${DB_PID%% *}
fi

# Compile the tool once per run (plain javac, no dependencies; the JDBC driver comes out of the jar).
mkdir -p "$RUN_DIR/classes"
javac -nowarn -d "$RUN_DIR/classes" "$ROOT/bench/Bench.java" 2>&1 | grep -v '^Note:' || true
[ -f "$RUN_DIR/classes/Bench.class" ] || die "bench/Bench.java did not compile"
B=(java -XX:+UseSerialGC -Xmx1g -cp "$RUN_DIR/classes" Bench)
COMMON=(--jar "$JAR" --results "$RESULTS" --work "$RUN_DIR" --base "http://127.0.0.1:$PORT"
        --db "$DB" --db-vanilla "$DB_VANILLA" --db-host "$DB_HOST" --db-port "$DB_PORT"
        --db-user "$DB_USER" --db-password "$DB_PASSWORD" --admin-password "$ADMIN_PASSWORD"
        --processes "$ROOT/bench/processes" --db-root-user "$DB_ROOT_USER" --db-root-password "$DB_ROOT_PASSWORD")
[ -n "$DB_PID" ] && COMMON+=(--db-pid "$DB_PID")
bench() { "${B[@]}" "$1" "${COMMON[@]}" "${@:2}"; }
put() { bench put --key "$1" --value "$2" >/dev/null; }

SERVER_PID=""
SERVER_LOG=""
start_server() { # $1: label for the start-up figures; $2: "nodemo" for profile mysql as a county runs it
  local since
  local data=(--lianhu.demo-data=true --lianhu.allow-demo-password=true
              --spring.flyway.locations=classpath:db/migration,classpath:db/demo)
  if [ "${2:-}" = nodemo ]; then
    data=(--lianhu.demo-data=false --spring.flyway.locations=classpath:db/migration)
  fi
  SERVER_LOG=$RUN_DIR/server-${1#startup.}.log
  since=$(date +%s%3N)
  # shellcheck disable=SC2086
  LIANHU_DB_HOST=$DB_HOST LIANHU_DB_PORT=$DB_PORT LIANHU_DB_NAME=$DB LIANHU_DB_USER=$DB_USER \
  LIANHU_DB_PASSWORD=$DB_PASSWORD LIANHU_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    java -XX:FlightRecorderOptions=stackdepth=256 $JAVA_OPTS_SERVER -jar "$JAR" --spring.profiles.active=mysql --server.port="$PORT" \
      "${data[@]}" --lianhu.attachments.directory="$RUN_DIR/files" $SERVER_ARGS_EXTRA \
      >"$SERVER_LOG" 2>&1 &
  SERVER_PID=$!
  if ! bench wait-ready --label "$1" --since-ms "$since" --log "$SERVER_LOG" --pid "$SERVER_PID" --timeout-s 240; then
    tail -n 60 "$SERVER_LOG" >&2
    exit 1
  fi
}
stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  kill "$SERVER_PID" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}
VANILLA_PID=""
cleanup() {
  local rc=$?
  stop_server
  if [ -n "$VANILLA_PID" ]; then kill "$VANILLA_PID" 2>/dev/null || true; fi
  bench db-restore || true
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

T0=$(date +%s)
put run.mode "$MODE"
put run.started "$(date -u '+%Y-%m-%d %H:%M UTC')"
settings=""
for var in BENCH_DB_BUFFER_POOL_MB BENCH_STEPS BENCH_JAVA_OPTS BENCH_SERVER_ARGS BENCH_LEVELS BENCH_TIMERS BENCH_HISTORY \
    BENCH_ORG_SCALE BENCH_ORG_STREETS BENCH_ORG_COMMUNITIES BENCH_ORG_GRIDS BENCH_ORG_UNITS BENCH_ORG_HOUSEHOLDS BENCH_ORG_STAFF BENCH_LIAISON_HOUSEHOLDS BENCH_LIAISON_LEVELS BENCH_TASKLIST_SIZES; do
  if [ -n "${!var:-}" ]; then settings="$settings $var='${!var}'"; fi
done
put run.command "${settings# }${settings:+ }bench/run.sh$([ "$MODE" = smoke ] && echo ' --smoke')"
put run.jar "$(basename "$JAR")"
put run.commit "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD -- src pom.xml processes 2>/dev/null || echo '+local changes')"
put run.levels "$LEVELS"
put run.steps "$STEPS"
put run.java_opts "$JAVA_OPTS_SERVER"
put run.server_args_extra "$SERVER_ARGS_EXTRA"
put env.cpus "$(nproc)"
put env.cpu_model "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//' || echo unknown)"
put env.mem_gb "$(awk '/MemTotal/ {printf "%.0f", $2/1048576}' /proc/meminfo)"
put env.java "$(java -version 2>&1 | head -n 1 | sed 's/"//g')"
put env.loadavg_at_start "$(cut -d' ' -f1-3 /proc/loadavg)"

step "Databases $DB, $DB_VANILLA and account $DB_USER (as $DB_ROOT_USER)"
bench setup-db --db-buffer-pool-mb "$BUFFER_POOL_MB" \
  --db-userstat "$USERSTAT"

step "Start-up on the empty database (schema created, models deployed)"
start_server startup.cold
bench deploy

step "Start-up on the existing database"
stop_server
start_server startup.warm

if has_step intake; then
step "1. Intake: POST /api/cases vs engine-rest start vs single-row insert, levels $LEVELS"
bench intake-suite --server-pid "$SERVER_PID" --levels "$LEVELS" --prewarm-s "$PREWARM" --warmup-s "$WARMUP" \
  --duration-s "$DURATION" --db-duration-s "$DB_DURATION" --max-requests "$MAX_REQ" --memory-level 8 \
  --jfr-dir "$RUN_DIR" --profile-s "$PROFILE_S"
bench rows-per-request --n "$ROWS_N"
fi

if has_step vanilla; then
step "Intake against a plain Camunda application (bench/vanilla): history audit and full, then Lianhu, 8 clients"
VANILLA_JAR=$ROOT/bench/vanilla/target/camunda-vanilla.jar
if [ ! -f "$VANILLA_JAR" ] || [ -n "$(find "$ROOT/bench/vanilla/src" "$ROOT/bench/vanilla/pom.xml" -newer "$VANILLA_JAR" 2>/dev/null)" ]; then
  ./mvnw -q -B -f bench/vanilla/pom.xml package -DskipTests
fi
VANILLA_PORT=${BENCH_VANILLA_PORT:-18182}
stop_server   # the plain application has the machine to itself, as Lianhu has after it
for history in audit full; do
  bench vanilla-db --name "${DB_VANILLA}_$history"
  DB_HOST=$DB_HOST DB_PORT=$DB_PORT DB_NAME="${DB_VANILLA}_$history" DB_USER=$DB_USER DB_PASSWORD=$DB_PASSWORD \
  HISTORY_LEVEL=$history VANILLA_PORT=$VANILLA_PORT \
    java $JAVA_OPTS_SERVER -jar "$VANILLA_JAR" >"$RUN_DIR/server-vanilla-$history.log" 2>&1 &
  VANILLA_PID=$!
  for _ in $(seq 1 360); do
    curl -s -o /dev/null -f "http://127.0.0.1:$VANILLA_PORT/engine-rest/engine" && break
    kill -0 "$VANILLA_PID" 2>/dev/null || { tail -n 40 "$RUN_DIR/server-vanilla-$history.log" >&2; die "bench/vanilla did not start"; }
    sleep 0.5
  done
  bench vanilla-app --base "http://127.0.0.1:$VANILLA_PORT" --server-pid "$VANILLA_PID" --history "$history" \
    --levels 8 --warmup-s "$([ "$MODE" = full ] && echo 10 || echo 0)" --duration-s "$DURATION" --max-requests "$MAX_REQ"
  kill "$VANILLA_PID"; wait "$VANILLA_PID" 2>/dev/null || true
  VANILLA_PID=""
done
start_server startup.intake_vs
put intake_vs.history "$(grep -m1 -o 'history-level: [a-z]*' "$ROOT/src/main/resources/application.yml" | cut -d' ' -f2)"
bench intake --server-pid "$SERVER_PID" --key-prefix intake_vs --levels 8 \
  --warmup-s "$([ "$MODE" = full ] && echo 10 || echo 0)" --duration-s "$DURATION" --max-requests "$MAX_REQ"
fi

if has_step timers; then
step "2. Timers: $TIMERS empty timer jobs, then $TIMERS cases whose response deadline passes at once"
bench timers-baseline --server-pid "$SERVER_PID" --jobs "$TIMERS" --jfr-dir "$RUN_DIR"
bench timers --server-pid "$SERVER_PID" --cases "$TIMERS" --jfr-dir "$RUN_DIR"
fi

if has_step queries; then
step "3. Queries: $HISTORY historical cases, progress lookups, KPI aggregates"
bench load-history --cases "$HISTORY"
bench lookup --server-pid "$SERVER_PID" --levels 1,8 --warmup-s "$([ "$MODE" = full ] && echo 3 || echo 0)" \
  --duration-s 60 --max-requests "$LOOKUPS" --sample "$([ "$MODE" = full ] && echo 2000 || echo 100)"
bench stats-api --server-pid "$SERVER_PID" --key-prefix stats --levels 1 --warmup-s 0 --duration-s 120 --max-requests "$STATS_CALLS"
bench kpi-sql --label before --reps "$KPI_REPS"
bench kpi-tune --reps "$KPI_REPS"
bench stats-api --server-pid "$SERVER_PID" --key-prefix stats_tuned --levels 1 --warmup-s 0 --duration-s 120 --max-requests "$STATS_CALLS"
fi

if has_step tasklist; then
step "Tasklist: $HISTORY closed cases, then one grid worker holding $TASKLIST_SIZES open tasks"
# A database of its own: the reports of the steps before would already have given wangli tasks.
stop_server
bench reset-db
start_server startup.tasklist
bench load-history --cases "$HISTORY"
bench tasklist --sizes "$TASKLIST_SIZES" --reps "$TASKLIST_REPS" --small "$TASKLIST_SMALL" --office-tasks "$TASKLIST_OFFICE"
fi

if has_step photos; then
step "Photos: reports with one 3 MB photo (upload then report, levels 1,8; one multipart request, 8 clients)"
bench photo-intake --server-pid "$SERVER_PID" --levels 1,8 --memory-level 8 --warmup-s "$WARMUP" \
  --duration-s "$DURATION" --max-requests "$MAX_REQ"
bench photo-multipart --server-pid "$SERVER_PID" --levels 8 --memory-level 8 --warmup-s "$WARMUP" \
  --duration-s "$DURATION" --max-requests "$MAX_REQ"
fi

if has_step outbox; then
step "Outbox: ${OUTBOX_EMAILS:-5000} e-mails to a local SMTP server (port ${SMTP_PORT:-2525})"
stop_server
SERVER_ARGS_EXTRA="$SERVER_ARGS_EXTRA --spring.mail.host=127.0.0.1 --spring.mail.port=${SMTP_PORT:-2525}" \
  start_server startup.outbox
bench outbox --emails "${OUTBOX_EMAILS:-5000}" --smtp-port "${SMTP_PORT:-2525}"
fi

if has_step liaison; then
step "Liaison units: $LIAISON_HOUSEHOLDS households, every unit with a head, 12 months of visits; /unit/, visits, coverage"
stop_server
bench liaison-data --households "$LIAISON_HOUSEHOLDS" --months 12
start_server startup.liaison
bench liaison --server-pid "$SERVER_PID" --levels "$LIAISON_LEVELS" --warmup-s "$WARMUP" --duration-s "$DURATION" \
  --max-requests "$MAX_REQ" --coverage-reps "$COVERAGE_REPS"
fi

if has_step orgimport; then
step "Organisation import: county workbook (scale $ORG_SCALE) into a fresh $DB without the demo organisation"
bench org-workbook --out "$RUN_DIR/county.xlsx" "${ORG_ARGS[@]}"
stop_server
bench reset-db
start_server startup.org nodemo
bench org-import --server-pid "$SERVER_PID" --workbook "$RUN_DIR/county.xlsx"
put org.server_log_errors "$(grep -c ' ERROR ' "$SERVER_LOG" || true)"
put org.server_log_routing_errors "$(grep ' ERROR ' "$SERVER_LOG" | grep -c 'RoutingCheckAtStart' || true)"
rm -f "$RUN_DIR/county.xlsx"   # kept when the step fails; its sizes stay in county.xlsx.properties
fi

step "Profiles (JFR)"
stop_server
for profile in intake-c8:jfr.intake:'http-nio-.*' vanilla-c8:jfr.vanilla:'http-nio-.*' \
    timers-empty:jfr.timers_empty:'.*(TaskExecutor|JobExecutor).*' \
    timers-escalation:jfr.timers_escalation:'.*(TaskExecutor|JobExecutor).*'; do
  IFS=: read -r file key threads <<<"$profile"
  if [ -f "$RUN_DIR/$file.jfr" ]; then
    bench jfr-summary --file "$RUN_DIR/$file.jfr" --key "$key" --threads "$threads" >/dev/null
    echo "profile $file: $RUN_DIR/$file.md"
  fi
done
bench db-restore
put run.server_log_errors "$(cat "$RUN_DIR"/server-*.log | grep -c ' ERROR ' || true)"
put run.duration_s "$(( $(date +%s) - T0 ))"

step "Report"
bench report --out "$RUN_DIR/report.md" --mode "$MODE" >/dev/null
if [ "$MODE" = full ] && [ -z "$settings" ]; then
  cp "$RUN_DIR/report.md" "$ROOT/bench/results/latest.md"
  echo "bench: table written to bench/results/latest.md (raw figures, logs and profiles in $RUN_DIR)"
elif [ "$MODE" = full ]; then
  echo "bench: run with non-default settings ($settings): table in $RUN_DIR/report.md (latest.md left as it was)"
else
  cp "$RUN_DIR/report.md" "$ROOT/bench/results/smoke.md"
  echo "bench: smoke run passed in $(( $(date +%s) - T0 )) s; table in $RUN_DIR/report.md"
fi
cat "$RUN_DIR/report.md"
