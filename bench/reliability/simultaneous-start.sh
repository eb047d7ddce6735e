#!/usr/bin/env bash
# Probe (docs/reliability.md, finding 2): two nodes started at the same moment on one database.
#   trial 0: both nodes' first start on an empty database (Flyway, Camunda's schema, IdentitySync);
#   trials 1..TRIALS: the schema is complete; the county has loaded NEW_UNITS new grids (new Camunda
#   groups for IdentitySync to create); both nodes are started at once.
# Since the start-up lock (StartupLock) one node waits for the other's start-up; the summary says how long.
# For each trial: did each node come up, and if not, why (the first duplicate key or "already exists" in
# its log, and the first Lianhu frame). Exits 1 if any node failed to start, 2 on a setup error.
#
# Usage: bench/reliability/simultaneous-start.sh
# Env:   LIANHU_JAR (else target/ of this repository, built if missing), TWO_DB (lianhu_twonode, dropped and
#        recreated), PORT_A (18291), PORT_B (18292), TRIALS (3), NEW_UNITS (300), HEALTH_TIMEOUT (600), RUN_DIR,
#        LIANHU_DB_HOST/PORT/USER/PASSWORD (127.0.0.1/3306/root/empty).
set -uo pipefail

SCRIPT_START=$(date +%s)
TWO_DB=${TWO_DB:-lianhu_twonode}
PORT_A=${PORT_A:-18291}
PORT_B=${PORT_B:-18292}
TRIALS=${TRIALS:-3}
# Nodes started together come up one after the other (start-up lock): the second one's start includes the
# first one's, so allow for both.
HEALTH_TIMEOUT=${HEALTH_TIMEOUT:-600}
NEW_UNITS=${NEW_UNITS:-300}
RUN_DIR=${RUN_DIR:-/tmp/lianhu-reliability/simultaneous-start-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$RUN_DIR"
: > "$RUN_DIR/summary.txt"

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
trap cleanup_started EXIT

command -v mysql >/dev/null || die "mysql client missing"
command -v curl >/dev/null || die "curl missing"
resolve_jar
log "jar: $JAR; run dir: $RUN_DIR; database: $TWO_DB"
recreate_db "$TWO_DB"

failed=0
# why NAME: the first reason in the node's log of its latest start
why() {
  awk '/^==== start/ { buf = "" } { buf = buf $0 "\n" } END { printf "%s", buf }' "$RUN_DIR/$1.log" > "$RUN_DIR/$1.last"
  local reason frame
  reason=$(grep -m1 -o "Duplicate entry '[^']*' for key '[A-Za-z_]*'\|Table '[A-Za-z_]*' already exists" "$RUN_DIR/$1.last")
  frame=$(grep -m1 -o 'at org\.lianhu\.[A-Za-z.]*([A-Za-z]*\.java:[0-9]*)' "$RUN_DIR/$1.last")
  echo "${reason:-?} ${frame}"
}

# outcome NAME: after wait_healthy failed, "died" when the process is gone, "slow" when it still starts
outcome() {
  if kill -0 "$(cat "$RUN_DIR/$1.pid")" 2>/dev/null && [ "$(failed_starts "$1")" = "${START_FAILURES[$1]:-0}" ]; then
    echo slow
  else
    echo died
  fi
}
state() {
  case "$1" in
    died) echo died ;;
    slow) echo "not up within ${HEALTH_TIMEOUT}s" ;;
    *) echo up ;;
  esac
}
# started_in NAME: Spring Boot's "Started LianhuApplication in N seconds" of the latest start, lock wait included
started_in() {
  local s
  s=$(awk '/^==== start/ { s = "" } /Started LianhuApplication in/ { for (i = 1; i < NF; i++) if ($i == "in") s = $(i + 1) " s" }
    END { print s }' "$RUN_DIR/$1.log")
  echo "${s:--}"
}

# waited NAME: how long the node's latest start waited for the other node's start-up lock (StartupLock)
waited() {
  local w
  w=$(awk '/^==== start/ { w = "" } /Start-up lock .* taken after waiting/ { w = $(NF - 1) " s" }
    END { print w }' "$RUN_DIR/$1.log")
  echo "${w:-0 s}"
}

# trial N: both nodes at once; prints and records the outcome, stops both.
trial() {
  local n=$1 ra rb
  start_server "a$n" "$PORT_A" "$TWO_DB" --camunda.bpm.generic-properties.properties.hostname=lianhu-node-a
  start_server "b$n" "$PORT_B" "$TWO_DB" --camunda.bpm.generic-properties.properties.hostname=lianhu-node-b
  ra=$(wait_healthy "a$n" "$PORT_A" "$HEALTH_TIMEOUT") || ra=$(outcome "a$n")
  rb=$(wait_healthy "b$n" "$PORT_B" "$HEALTH_TIMEOUT") || rb=$(outcome "b$n")
  # IdentitySync goes on after the web server answers: let it finish before counting and stopping.
  sleep 15
  local detail=""
  [ "$ra" = died ] && detail+=" A: $(why "a$n");"
  [ "$rb" = died ] && detail+=" B: $(why "b$n");"
  [ "$ra" = died ] || [ "$ra" = slow ] && failed=$((failed + 1))
  [ "$rb" = died ] || [ "$rb" = slow ] && failed=$((failed + 1))
  figure "trial $n: node A / node B" "$(state "$ra") / $(state "$rb")${detail}"
  figure "trial $n: started in (A / B)" "$(started_in "a$n") / $(started_in "b$n")"
  figure "trial $n: waited for the start-up lock" "A $(waited "a$n"), B $(waited "b$n")"
  stop_server "a$n" TERM
  stop_server "b$n" TERM
}

# Trial 0: the first start on the empty database.
trial 0
# Make sure the schema and identities are complete before the next trials: one node alone.
start_server prep "$PORT_A" "$TWO_DB"
wait_healthy prep "$PORT_A" "$HEALTH_TIMEOUT" > /dev/null || die "a single node does not start after trial 0; see $RUN_DIR/prep.log"
sleep 10
stop_server prep TERM

for n in $(seq 1 "$TRIALS"); do
  [ $(( $(date +%s) - SCRIPT_START )) -lt 480 ] || { log "time budget: stopping after $((n - 1)) trials"; break; }
  {
    echo "INSERT INTO grid (code, community_code, name, group_id) VALUES"
    for i in $(seq 1 "$NEW_UNITS"); do
      k=$(( n * 10000 + i ))
      printf "%s('rel%d', 'hepingli', '可靠性测试网格%d', 'gridRel%d')\n" "$([ "$i" = 1 ] || echo ,)" "$k" "$k" "$k"
    done
    echo ";"
  } | mysql_cmd "$TWO_DB" || die "cannot insert the new grids"
  trial "$n"
done

missing=$(sql "$TWO_DB" "SELECT COUNT(*) FROM grid g WHERE NOT EXISTS (SELECT 1 FROM ACT_ID_GROUP a WHERE a.ID_ = g.group_id)")
figure "grids without their Camunda group at the end" "$missing"
figure "script seconds" "$(( $(date +%s) - SCRIPT_START ))"
echo
if [ "$failed" = 0 ]; then
  echo "RESULT: PASS - every simultaneous start brought both nodes up" | tee -a "$RUN_DIR/summary.txt"
  exit 0
fi
echo "RESULT: FAIL - $failed node starts failed (see the reasons above and the node logs in $RUN_DIR)" | tee -a "$RUN_DIR/summary.txt"
exit 1
