#!/usr/bin/env bash
# Start-up as issue 2 measures it: a fresh clone of this repository's HEAD, then
# `./mvnw spring-boot:run` until GET /login answers 200 (compiling, migrating an empty H2 database and
# loading the demo data included), and once more on the compiled clone with its seeded database.
# Usage: bench/startup.sh [runs]   (the Maven repository should be filled: run ./mvnw verify once first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1}
port=18080
repo=$(pwd)
measure() {
  local dir=$1 start end pid
  start=$(date +%s%N)
  (cd "$dir" && exec ./mvnw -q -o spring-boot:run -Dspring-boot.run.arguments=--server.port=$port) \
    >"$dir/startup.log" 2>&1 &
  pid=$!
  until curl -s -o /dev/null -w '%{http_code}' http://localhost:$port/login | grep -q 200; do
    kill -0 "$pid" 2>/dev/null || { echo "the application stopped; see $dir/startup.log" >&2; exit 1; }
    sleep 0.1
  done
  end=$(date +%s%N)
  pkill -f "server.port=$port" || true
  wait "$pid" 2>/dev/null || true
  sleep 1
  echo $(( (end - start) / 1000000 ))
}
for i in $(seq 1 "$runs"); do
  clone=$(mktemp -d)
  git clone -q "$repo" "$clone"
  first=$(measure "$clone")
  again=$(measure "$clone")
  echo "run $i: fresh clone ${first} ms, again ${again} ms (load average $(cut -d' ' -f1 /proc/loadavg))"
  rm -rf "$clone"
done
