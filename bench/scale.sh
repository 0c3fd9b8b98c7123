#!/usr/bin/env bash
# Province-scale benchmark (issue 17): builds a PostgreSQL database of N million ledger records by SQL, then
# measures the pages, APIs and aggregations on it and prints a Markdown table (also written to bench/results/).
#
# Usage: bench/scale.sh N [rounds]      e.g. bench/scale.sh 1      (N may be a fraction: 0.05 = 50,000 records)
#   BENCH_DB=luoshi_bench_1m            database (dropped and recreated; default luoshi_bench_<N>m)
#   BENCH_SKIP_LOAD=1                   measure an existing database of an earlier run (no drop, no generation)
#   BENCH_COUNTIES=75 BENCH_TOWNSHIPS_PER_COUNTY=20 BENCH_VILLAGES_PER_TOWNSHIP=20   the province's tree
#   BENCH_ROOT_KIND=PROVINCE BENCH_CITIES=15   the tiers above the counties (COUNTY and 0: one county's deployment)
#   BENCH_PG="-h 127.0.0.1 -U postgres"  psql connection options (trust or PGPASSWORD); the application
#   BENCH_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/<db>   connects as user postgres to this URL
#   BENCH_PORT=18090                    the application's port
# Needs Java 17 and a PostgreSQL (15) it may create databases on as superuser (for session_replication_role);
# installs psql, python3 and curl from Debian when missing; builds target/luoshi-*.jar when it is missing or
# older than a source. The page/SQL comparison reads the server's log (BENCH_PG_LOG, Debian's by default).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:?usage: bench/scale.sh N [rounds]}
ROUNDS=${2:-5}
RECORDS=$(awk -v n="$N" 'BEGIN { printf "%d", n * 1000000 }')
DB=${BENCH_DB:-luoshi_bench_$(echo "$N" | tr . _)m}
PG=${BENCH_PG:--h 127.0.0.1 -U postgres}
PORT=${BENCH_PORT:-18090}
ROOT_KIND=${BENCH_ROOT_KIND:-PROVINCE}
CITY_KIND=${BENCH_CITY_KIND:-CITY}
COUNTY_KIND=${BENCH_COUNTY_KIND:-COUNTY}
CITIES=${BENCH_CITIES:-15}
COUNTIES=${BENCH_COUNTIES:-75}
TPC=${BENCH_TOWNSHIPS_PER_COUNTY:-20}
VPT=${BENCH_VILLAGES_PER_TOWNSHIP:-20}
# the bootstrap administrator's password, copied to the other bench accounts (bench/scale/accounts.sql)
export BENCH_PASSWORD=${BENCH_PASSWORD:-Bench@Scale2026}
OUT=bench/results
mkdir -p "$OUT" target
LOG=target/scale-app-$DB.log
psqlq() { psql $PG -X -q -v ON_ERROR_STOP=1 "$@"; }

need() {  # a command, installed from Debian's packages when missing
  command -v "$1" >/dev/null && return
  { apt-get update -q && apt-get install -y -q "$2"; } >/dev/null || { echo "missing: $1 (package $2)" >&2; exit 1; }
}
need psql postgresql-client; need python3 python3; need curl curl; need java openjdk-17-jre-headless
# the jar of this checkout: built again when a source is newer
JAR=$(ls target/luoshi-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -type f | head -1)" ]; then
  ./mvnw -B -q package -DskipTests
  JAR=$(ls target/luoshi-*.jar | grep -v plain | head -1)
fi

APP_PID=
start_app() {  # starts the application on $DB with extra arguments; sets APP_PID. $JVM: options before -jar
  # shellcheck disable=SC2086
  java -Xmx1g ${JVM:-} -jar "${RUN_JAR:-$JAR}" --spring.profiles.active=postgres --server.port=$PORT --luoshi.demo-data=false \
    --luoshi.bootstrap.admin-password="$BENCH_PASSWORD" --luoshi.data-dir=target/scale-data \
    --spring.datasource.url="${BENCH_JDBC_URL:-jdbc:postgresql://127.0.0.1:5432/$DB}" --spring.datasource.username=postgres \
    "$@" >"$LOG" 2>&1 &
  APP_PID=$!
}
wait_login() {  # until GET /login answers 200; prints the milliseconds since $1 (date +%s%N)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$PORT/login)" = 200 ]; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the application stopped; see $LOG" >&2; tail -30 "$LOG" >&2; exit 1; }
    sleep 0.1
  done
  echo $(( ($(date +%s%N) - $1) / 1000000 ))
}
stop_app() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  APP_PID=
}
trap stop_app EXIT

GEN_S= GEN_DETAIL=
if [ "${BENCH_SKIP_LOAD:-}" != 1 ]; then
  t0=$(date +%s)
  psqlq -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
  # 1. the schema by the application's own Flyway migrations, and its first administrator (no demo data)
  start_app
  until [ "$(psqlq -d "$DB" -Atc "select count(*) from account where username = 'admin'" 2>/dev/null)" = 1 ]; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the application stopped; see $LOG" >&2; tail -30 "$LOG" >&2; exit 1; }
    sleep 1
  done
  stop_app
  t1=$(date +%s)
  # 2. the province, its ledger and the accounts, by SQL
  vars=(-v root_kind="$ROOT_KIND" -v city_kind="$CITY_KIND" -v county_kind="$COUNTY_KIND" -v cities="$CITIES"
        -v counties="$COUNTIES" -v townships_per_county="$TPC" -v villages_per_township="$VPT" -v records="$RECORDS")
  psqlq -d "$DB" "${vars[@]}" -o /dev/null -f bench/scale/org.sql
  psqlq -d "$DB" "${vars[@]}" -o /dev/null -f bench/scale/ledger.sql
  t2=$(date +%s)
  psqlq -d "$DB" -c "vacuum analyze"
  t3=$(date +%s)
  # 3. ROLLUP HOOK: monthly rollups (issue 17, part 2) are rebuilt by the application when ledger_rollup_state
  #    says they never were (LedgerRollups.buildIfNeverBuilt). Skipped while the table does not exist.
  if [ "$(psqlq -d "$DB" -Atc "select to_regclass('ledger_rollup_state') is not null")" = t ]; then
    psqlq -d "$DB" -c "update ledger_rollup_state set rebuilt_at = null"
    start_app
    for _ in $(seq 1 1800); do grep -q "rollups rebuilt" "$LOG" && break; sleep 1; done
    stop_app
    psqlq -d "$DB" -c "analyze"
  fi
  GEN_S=$(( $(date +%s) - t0 ))
  GEN_DETAIL="schema by the application's first start $((t1 - t0)) s, tree and ledger by SQL with indexes $((t2 - t1)) s, vacuum analyze $((t3 - t2)) s"
fi

# the accounts to log in with (again on an earlier run's database: they are upserted)
psqlq -d "$DB" -o /dev/null -f bench/scale/accounts.sql

# 4. cold start on this database: first as docs/deployment.md starts it ("启动加速": the jar extracted and a
#    class data archive from a training run on this database), then as plain `java -jar`, which stays up for
#    the measurements (bench/scale/measure.py)
CDS_DIR=target/scale-cds
rm -rf "$CDS_DIR"
java -Djarmode=tools -jar "$JAR" extract --destination "$CDS_DIR" >/dev/null
RUN_JAR=$CDS_DIR/$(basename "$JAR") JVM="-XX:ArchiveClassesAtExit=$CDS_DIR/app.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -Dspring.context.exit=onRefresh" \
  start_app
wait "$APP_PID" || true
APP_PID=
RUN_JAR=$CDS_DIR/$(basename "$JAR") JVM="-XX:SharedArchiveFile=$CDS_DIR/app.jsa -Xlog:cds=off" start_app
COLD_CDS_MS=$(wait_login "$(date +%s%N)")
stop_app
start_app
COLD_MS=$(wait_login "$(date +%s%N)")
export BENCH_APP_PID=$APP_PID BENCH_DB=$DB BENCH_PG="$PG" BENCH_PORT=$PORT BENCH_N=$N BENCH_GEN_S=$GEN_S BENCH_GEN_DETAIL="$GEN_DETAIL" BENCH_COLD_MS=$COLD_MS BENCH_COLD_CDS_MS=$COLD_CDS_MS BENCH_ROUNDS=$ROUNDS
RESULT="$OUT/scale-${N}m-$(date -u +%Y%m%dT%H%MZ).md"
python3 bench/scale/measure.py | tee "$RESULT"
echo "written: $RESULT" >&2
