#!/usr/bin/env bash
# Measures how long `./mvnw spring-boot:run` takes, on an empty ./data (first start, with demo
# data seeding) and again on the seeded database, until GET /login answers 200.
# Usage: bench/startup.sh [runs]   (the application is built once first, not timed)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
./mvnw -B -q -DskipTests package >/dev/null
jar=$(ls target/luoshi-*.jar | head -n 1)
measure() {
  local start end
  start=$(date +%s%N)
  java -jar "$jar" --server.port=18080 --luoshi.data-dir=./target/bench-data >target/bench-startup.log 2>&1 &
  local pid=$!
  until curl -s -o /dev/null -w '%{http_code}' http://localhost:18080/login | grep -q 200; do
    kill -0 "$pid" 2>/dev/null || { echo "the application stopped; see target/bench-startup.log" >&2; exit 1; }
    sleep 0.1
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}
for i in $(seq 1 "$runs"); do
  rm -rf target/bench-data
  first=$(measure)
  again=$(measure)
  echo "run $i: empty database ${first} ms, seeded database ${again} ms"
done
