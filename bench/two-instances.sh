#!/usr/bin/env bash
# Two instances of the benchmark app (bench/plain-app) on one database, behind HAProxy, against one instance alone:
# do reads scale with instances until the database saturates, does a page cursor from one instance open on the
# other (shared sentro.page.cursor-secret), and does one NOTIFY sentro, 'reload' reach both? Prints a small Markdown report and saves it under bench/results/.
#
# Needs: the local PostgreSQL (127.0.0.1:5432, user postgres, trust), wrk, haproxy (Debian packages: this script
# installs them with apt-get when missing), JDK 17+ and Maven. The database sentro_bench is dropped and recreated.
# Usage:  bash bench/two-instances.sh        (DURATION=15 WARMUP=5 CONNECTIONS=64 to change the load)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-64}
JAVA=${JAVA:-java}
WORK=$(mktemp -d /tmp/sentro-two.XXXXXX)
PG=(psql -qAt -v ON_ERROR_STOP=1 -U postgres -h 127.0.0.1)
DATASOURCE="jdbc:postgresql://127.0.0.1:5432/sentro_bench?user=postgres"
SECRET="two-instances-cursor-secret-0123456789"
PIDS=()
say() { echo "[two $(date +%H:%M:%S)] $*" >&2; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

for tool in wrk haproxy; do
  command -v "$tool" >/dev/null || { (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool") >/dev/null; }
done

say "building the benchmark app"
mvn -B -q install -DskipTests >/dev/null
mvn -B -q -f bench/plain-app/pom.xml clean package -DskipTests >/dev/null
JAR=bench/plain-app/target/plain-app-1.jar

say "loading the benchmark database"
"${PG[@]}" -d postgres -c "drop database if exists sentro_bench" -c "create database sentro_bench" >/dev/null
"${PG[@]}" -d sentro_bench -f bench/schema.sql >/dev/null

start() { # $1 port: starts an instance, waits until it answers
  "$JAVA" -jar "$JAR" --server.port="$1" --spring.datasource.url="$DATASOURCE" --spring.threads.virtual.enabled=true \
    --logging.level.root=WARN --sentro.security.access.default=permit-all --sentro.page.cursor-secret="$SECRET" \
    --sentro.schema.reload-on-notify=true \
    >>"$WORK/app-$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$1/api/posts/1" >/dev/null && return 0
    sleep 0.2
  done
  echo "instance on port $1 did not start; see $WORK/app-$1.log" >&2
  exit 1
}

measure() { # $1 base URL: warm-up, then req/s of GET /api/posts/{random id}
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/lua/get.lua "$1" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s bench/lua/get.lua "$1" | awk '/Requests\/sec/ {print $2}'
}

say "starting two instances (18091, 18092) and HAProxy (18090)"
start 18091
start 18092
cat >"$WORK/haproxy.cfg" <<CFG
global
  maxconn 4096
defaults
  mode http
  timeout connect 5s
  timeout client 60s
  timeout server 60s
frontend api
  bind 127.0.0.1:18090
  default_backend sentro
backend sentro
  balance roundrobin
  option http-server-close
  server one 127.0.0.1:18091
  server two 127.0.0.1:18092
CFG
haproxy -f "$WORK/haproxy.cfg" -db >"$WORK/haproxy.log" 2>&1 &
PIDS+=($!)
sleep 1

say "warming up both instances"
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/lua/get.lua http://127.0.0.1:18091 >/dev/null
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/lua/get.lua http://127.0.0.1:18092 >/dev/null

say "checking that a cursor from one instance opens on the other"
cursor=$(curl -s "http://127.0.0.1:18091/api/posts?limit=2&count=none&fields=id" | sed -n 's/.*"next":"\([^"]*\)".*/\1/p')
other=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:18092/api/posts?limit=2&count=none&fields=id&after=$cursor")

say "checking that one NOTIFY reloads both instances"
"${PG[@]}" -d sentro_bench -c "create table reload_probe (id int primary key)" -c "insert into reload_probe values (1)"
"${PG[@]}" -d sentro_bench -c "notify sentro, 'reload'"
notified_ms=$(date +%s%3N)
reached=()
for port in 18091 18092; do
  for _ in $(seq 1 100); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/reload_probe/1")" = 200 ] && break
    sleep 0.05
  done
  reached+=("$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/reload_probe/1") after $(( $(date +%s%3N) - notified_ms )) ms")
done
"${PG[@]}" -d sentro_bench -c "drop table reload_probe" -c "notify sentro, 'reload'"

say "one instance, directly"
one=$(measure http://127.0.0.1:18091)
say "two instances behind HAProxy"
two=$(measure http://127.0.0.1:18090)
say "one instance behind HAProxy (the proxy's own cost)"
sed -i 's/^  server two .*$//' "$WORK/haproxy.cfg"
kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true
haproxy -f "$WORK/haproxy.cfg" -db >>"$WORK/haproxy.log" 2>&1 &
PIDS+=($!)
sleep 1
proxied=$(measure http://127.0.0.1:18090)

report=bench/results/$(date -u +%Y-%m-%d-%H%M)-two-instances-$(hostname -s).md
{
  echo "## Two instances behind HAProxy, $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "Machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo); the database, both instances,"
  echo "HAProxy and wrk share them. GET /api/posts/{random id}, wrk -t2 -c$CONNECTIONS, ${WARMUP} s warm-up, ${DURATION} s measured."
  echo
  echo "| setup | req/s |"
  echo "|---|---:|"
  echo "| one instance, directly | $one |"
  echo "| one instance behind HAProxy | $proxied |"
  echo "| two instances behind HAProxy | $two |"
  echo
  echo "A cursor from instance one, sent to instance two: HTTP $other (the instances share sentro.page.cursor-secret)."
  echo
  echo "One NOTIFY sentro, 'reload' after creating a table: instance one serves it (HTTP ${reached[0]}), instance two"
  echo "(HTTP ${reached[1]}); each waits the 500 ms debounce first."
} | tee "$report"
say "saved $report; logs in $WORK"
