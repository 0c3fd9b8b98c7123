#!/usr/bin/env bash
# Two Luoshi instances behind nginx on one machine, one PostgreSQL database and one shared evidence directory
# (or an S3 bucket: set LUOSHI_EVIDENCE_STORE=s3 and the LUOSHI_S3_* variables), and a journey across both:
# log in on instance A, create a ledger record and upload a photo on instance B with the same session cookie,
# download it on A and compare the bytes; the same through nginx's round robin (both upstreams must answer);
# then check that the scheduled overdue-warning job (every 10 s here) ran in only one instance per firing.
# Exits non-zero on any failure and cleans up after itself. See docs/deployment.md, 多实例部署.
#
#   bench/two-instances.sh                 # builds the jar unless LUOSHI_JAR names one
#   LUOSHI_TOPO_DB=other_db bench/two-instances.sh
#   LUOSHI_TOPO_STORE=s3 bench/two-instances.sh   # evidence in an S3 bucket of a local S3-compatible server
#     (S3Mock's executable jar: LUOSHI_S3MOCK_JAR, or target/s3mock/*.jar as .ci/run fetches it), started here
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${LUOSHI_TOPO_DB:-luoshi_multi_topo}
PGHOST_=${LUOSHI_TOPO_PGHOST:-127.0.0.1}
PGPORT_=${LUOSHI_TOPO_PGPORT:-5432}
PGUSER_=${LUOSHI_TOPO_PGUSER:-postgres}
# Seconds an instance may take to start (a busy 2-core machine needs minutes for the first start with demo data).
START_TIMEOUT=${LUOSHI_TOPO_START_TIMEOUT:-600}
USER_NAME=officer
PASSWORD='Luoshi@2026'

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

work=$(mktemp -d /tmp/luoshi-two-instances-XXXXXX)
pids=()
cleanup() {
  local rc=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ $rc -ne 0 ]; then
    for f in "$work"/a.log "$work"/b.log "$work"/nginx-error.log; do
      [ -f "$f" ] && { echo "--- last lines of $f"; tail -n 30 "$f"; }
    done
  fi
  rm -rf "$work"
  exit $rc
}
trap cleanup EXIT

# A free TCP port on 127.0.0.1: nothing answers a connection to it.
free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then echo "$p"; return; fi
  done
  fail "no free port found"
}

# Until the URL answers 200 (the application answers 503 until its start-up, demo data included, is done).
wait_http() { # url seconds pid
  local deadline=$(( $(date +%s) + $2 ))
  while [ "$(date +%s)" -lt $deadline ]; do
    kill -0 "$3" 2>/dev/null || return 1
    [ "$(curl -s -m 10 -o /dev/null -w '%{http_code}' "$1")" = 200 ] && return 0
    sleep 1
  done
  return 1
}

# --- what the topology needs: nginx, the jar, an empty database, and in s3 mode the S3-compatible server
STORE=${LUOSHI_TOPO_STORE:-directory}
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  step "installing nginx (Debian package)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

JAR=${LUOSHI_JAR:-}
if [ -z "$JAR" ]; then
  step "building the jar"
  ./mvnw -B -ntp -q -DskipTests package
  JAR=$(ls target/luoshi-*.jar | grep -v plain | head -n 1)
fi
[ -f "$JAR" ] || fail "no jar at $JAR"

step "database $DB on $PGHOST_:$PGPORT_ (recreated)"
psql -h "$PGHOST_" -p "$PGPORT_" -U "$PGUSER_" -d postgres -q -v ON_ERROR_STOP=1 \
  -c "drop database if exists $DB" -c "create database $DB"

PORT_A=$(free_port); PORT_B=$(free_port); PORT_N=$(free_port)
while [ "$PORT_B" = "$PORT_A" ]; do PORT_B=$(free_port); done
while [ "$PORT_N" = "$PORT_A" ] || [ "$PORT_N" = "$PORT_B" ]; do PORT_N=$(free_port); done
mkdir -p "$work/shared-evidence" "$work/a" "$work/b"

if [ "$STORE" = s3 ]; then
  S3MOCK=${LUOSHI_S3MOCK_JAR:-$(ls target/s3mock/s3mock-*.jar 2>/dev/null | head -n 1)}
  [ -f "$S3MOCK" ] || fail "no S3Mock jar (LUOSHI_S3MOCK_JAR, or target/s3mock as .ci/run fetches it)"
  PORT_S3=$(free_port); PORT_S3S=$(free_port)
  step "S3-compatible server (S3Mock) on port $PORT_S3, bucket luoshi-topo"
  java -Xmx256m -jar "$S3MOCK" --com.adobe.testing.s3mock.httpPort="$PORT_S3" --server.port="$PORT_S3S" \
    --com.adobe.testing.s3mock.domain.root="$work/s3-data" --com.adobe.testing.s3mock.domain.initialBuckets=luoshi-topo \
    --spring.main.banner-mode=off --logging.level.root=WARN > "$work/s3.log" 2>&1 &
  pids+=($!)
  deadline=$(( $(date +%s) + 120 ))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT_S3/luoshi-topo")" = 200 ]; do
    kill -0 "${pids[-1]}" 2>/dev/null && [ "$(date +%s)" -lt $deadline ] || fail "S3Mock did not start (see $work/s3.log)"
    sleep 1
  done
  export LUOSHI_EVIDENCE_STORE=s3 LUOSHI_S3_ENDPOINT="http://127.0.0.1:$PORT_S3" LUOSHI_S3_BUCKET=luoshi-topo \
    LUOSHI_S3_PREFIX=topo/ LUOSHI_S3_ACCESS_KEY=topo-access LUOSHI_S3_SECRET_KEY=topo-secret
fi

start_instance() { # name port
  LUOSHI_DB_URL="jdbc:postgresql://$PGHOST_:$PGPORT_/$DB" LUOSHI_DB_USER="$PGUSER_" LUOSHI_DB_PASSWORD="" \
  LUOSHI_EVIDENCE_DIR="${LUOSHI_EVIDENCE_DIR:-$work/shared-evidence}" \
    java -Xmx512m -jar "$JAR" --spring.profiles.active=postgres --server.port="$2" \
      --luoshi.data-dir="$work/$1" --luoshi.instance-name="instance-$1" \
      --luoshi.inspection.warning-cron='*/10 * * * * *' --luoshi.jobs.lock-at-least=PT5S \
      > "$work/$1.log" 2>&1 &
  pids+=($!)
}

# A first: on an empty database it migrates and loads the demo data (the demo officer); B then starts on the
# migrated database. (Two instances migrating an empty database at once: ConcurrentMigrationTest.)
step "instance A on port $PORT_A"
start_instance a "$PORT_A"; PID_A=${pids[-1]}
wait_http "http://127.0.0.1:$PORT_A/login" "$START_TIMEOUT" "$PID_A" || fail "instance A did not start"
step "instance B on port $PORT_B"
start_instance b "$PORT_B"; PID_B=${pids[-1]}
wait_http "http://127.0.0.1:$PORT_B/login" "$START_TIMEOUT" "$PID_B" || fail "instance B did not start"
both_up=$(date +%s)

step "nginx on port $PORT_N, round robin over A and B"
mkdir -p "$work/nginx-tmp"
{
  [ "$(id -u)" = 0 ] && echo "user root root;"
  cat <<CONF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 256; }
http {
  client_body_temp_path $work/nginx-tmp/body;
  proxy_temp_path $work/nginx-tmp/proxy;
  fastcgi_temp_path $work/nginx-tmp/fastcgi;
  uwsgi_temp_path $work/nginx-tmp/uwsgi;
  scgi_temp_path $work/nginx-tmp/scgi;
  log_format upstream '\$request_method \$uri \$status \$upstream_addr';
  access_log $work/nginx-access.log upstream;
  client_max_body_size 25m;
  upstream luoshi {
    server 127.0.0.1:$PORT_A;
    server 127.0.0.1:$PORT_B;
  }
  server {
    listen 127.0.0.1:$PORT_N;
    location / {
      proxy_pass http://luoshi;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
CONF
} > "$work/nginx.conf"
"$NGINX" -p "$work" -c "$work/nginx.conf" -e "$work/nginx-error.log" &
pids+=($!)
wait_http "http://127.0.0.1:$PORT_N/login" 30 "${pids[-1]}" || fail "nginx did not start"

A="http://127.0.0.1:$PORT_A"; B="http://127.0.0.1:$PORT_B"; N="http://127.0.0.1:$PORT_N"
jar="$work/cookies.txt"
csrf() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1; }

step "log in on A as $USER_NAME"
token=$(curl -sf -c "$jar" -b "$jar" "$A/login" | csrf)
[ -n "$token" ] || fail "no CSRF token on A's login page"
location=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" \
  --data-urlencode "username=$USER_NAME" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token" "$A/login")
case "$location" in *error*|*login*|"") fail "login on A refused (redirect to '$location')";; esac
grep -q SESSION "$jar" || fail "no SESSION cookie after login"
[ "$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$B/ledger")" = 200 ] || fail "B does not know A's session"

step "create a ledger record on B"
form=$(curl -sf -b "$jar" -c "$jar" "$B/ledger/directive/new")
token=$(echo "$form" | csrf)
unit=$(echo "$form" | tr '\n' ' ' | sed -n 's/.*<select[^>]*name="unitId"[^>]*>[^<]*<option[^>]*value="\([0-9]*\)".*/\1/p')
[ -n "$token" ] && [ -n "$unit" ] || fail "no CSRF token or unit on B's record form"
today=$(TZ=Asia/Shanghai date +%F); year=${today%%-*}
record=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$jar" -c "$jar" --data-urlencode "_csrf=$token" \
  --data-urlencode "unitId=$unit" --data-urlencode "occurredOn=$today" --data-urlencode "title=两实例联调通知" \
  --data-urlencode "fields[issuer]=县委办" --data-urlencode "fields[docNumber]=青宣发〔$year〕$((RANDOM % 900 + 100))号" \
  "$B/ledger/directive")
id=$(echo "$record" | sed -n 's#.*/ledger/records/\([0-9]*\).*#\1#p')
[ -n "$id" ] || fail "record not created on B (redirect '$record')"

step "upload a photo to record $id on B"
echo 'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGM4ISdHEmIY1TCqYfhqAADkYgQQ60fIxgAAAABJRU5ErkJggg==' \
  | base64 -d > "$work/photo.png"
page=$(curl -sf -b "$jar" -c "$jar" "$B/ledger/records/$id")
token=$(echo "$page" | csrf)
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" -F "_csrf=$token" -F "file=@$work/photo.png;type=image/png;filename=会场.png" \
  "$B/ledger/records/$id/attachments")
case "$code" in 2*|3*) ;; *) fail "upload on B answered $code";; esac
attachment=$(curl -sf -b "$jar" "$B/ledger/records/$id" | grep -o '/ledger/attachments/[0-9]*' | head -n 1 | sed 's#.*/##')
[ -n "$attachment" ] || fail "the record page on B shows no attachment"

step "download attachment $attachment on A"
curl -sf -b "$jar" -o "$work/a.png" "$A/ledger/attachments/$attachment" || fail "download on A failed"
cmp -s "$work/photo.png" "$work/a.png" || fail "A served other bytes than B stored"

if [ "$STORE" = s3 ]; then
  step "the photo is an object of the bucket, and nothing is in a local directory"
  curl -sf "http://127.0.0.1:$PORT_S3/luoshi-topo?list-type=2&prefix=topo/" | grep -q "<Key>topo/" \
    || fail "no object under topo/ in the bucket"
  [ -z "$(find "$work/shared-evidence" -type f 2>/dev/null)" ] || fail "a file was written to the shared directory in s3 mode"
fi

step "the same download through nginx, several times (round robin)"
for _ in 1 2 3 4; do
  curl -sf -b "$jar" -o "$work/n.png" "$N/ledger/attachments/$attachment" || fail "download through nginx failed"
  cmp -s "$work/photo.png" "$work/n.png" || fail "nginx served other bytes"
done
grep "/ledger/attachments/$attachment " "$work/nginx-access.log" | grep -q "127.0.0.1:$PORT_A" || fail "nginx never used A"
grep "/ledger/attachments/$attachment " "$work/nginx-access.log" | grep -q "127.0.0.1:$PORT_B" || fail "nginx never used B"

step "the overdue-warning job (every 10 s in both instances) runs once per firing"
# At least two firings after both instances are up.
elapsed=$(( $(date +%s) - both_up )); [ $elapsed -lt 25 ] && sleep $(( 25 - elapsed ))
runs=$(grep -h "Overdue warnings:" "$work/a.log" "$work/b.log" | cut -c1-19 | sort)
[ -n "$runs" ] || fail "the job never ran"
dups=$(echo "$runs" | uniq -d)
[ -z "$dups" ] || fail "the job ran in both instances at $dups"
echo "   runs: A $(grep -c 'Overdue warnings:' "$work/a.log" || true), B $(grep -c 'Overdue warnings:' "$work/b.log" || true), none twice"
holder=$(psql -h "$PGHOST_" -p "$PGPORT_" -U "$PGUSER_" -d "$DB" -Atc "select locked_by from job_lock where name = 'overdue-warnings'")
case "$holder" in instance-a|instance-b) echo "   job_lock row held last by $holder";; *) fail "job_lock row: '$holder'";; esac

step "passed (evidence store: $STORE)"
