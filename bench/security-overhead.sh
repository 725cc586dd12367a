#!/usr/bin/env bash
# What access control costs on the hottest path: get-by-id of one of 100,000 posts, measured with wrk (2 threads, 32
# connections, 30 s warm-up, 30 s measured) against a plain Boot app that only adds the starter (bench/plain-app),
# JDK 25 with virtual threads, on the local PostgreSQL. Three variants, alternating, in each round:
#   - no security: Spring Security's filter chains switched off, the API open (the floor);
#   - open: Sentro's chain in place, sentro.security.access.default=permit-all, no credential;
#   - API key: the default rule ('authenticated'), X-API-Key checked on every request.
# Usage: bench/security-overhead.sh [rounds]   (needs wrk, the local PostgreSQL, and `mvn -B install -DskipTests`)
# PIN=1 runs the application on CPU 1 and wrk on CPU 0 (PostgreSQL floats): the application is then the bottleneck
# and the variants compare with less noise.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-2}
if [ "${PIN:-0}" = 1 ]; then APP_CPU=1; WRK="taskset -c 0 wrk"; else APP_CPU=; WRK=wrk; fi
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
PORT=18090
PG="psql -qAt -U postgres -h 127.0.0.1"
$PG -d postgres -c "drop database if exists sentro_bench" -c "create database sentro_bench" >/dev/null
$PG -v ON_ERROR_STOP=1 -d sentro_bench -f bench/schema.sql >/dev/null
$PG -d sentro_bench -c analyze >/dev/null
cat > /tmp/sentro-bench-get.lua <<'LUA'
local key = os.getenv("SENTRO_BENCH_KEY")
request = function()
  local headers = {}
  if key ~= nil and key ~= "" then headers["X-API-Key"] = key end
  return wrk.format("GET", "/api/posts/" .. math.random(1, 100000), headers)
end
LUA
mvn -q -B -f bench/plain-app/pom.xml clean package -DskipTests  # clean: the starter is a SNAPSHOT
JAR=bench/plain-app/target/plain-app-1.jar
NO_SECURITY=io.sentro.spring.autoconfigure.SentroSecurityAutoConfiguration,org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
run() { # $1 label, $2 key or empty, $3.. extra args
  local label=$1 key=$2; shift 2
  ${APP_CPU:+taskset -c $APP_CPU} $JAVA -Xmx512m -jar $JAR --server.port=$PORT \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/sentro_bench?user=postgres" \
    --spring.threads.virtual.enabled=true --logging.level.root=WARN "$@" >/tmp/sentro-bench-app.log 2>&1 &
  local pid=$!
  for _ in $(seq 1 60); do curl -s -o /dev/null "localhost:$PORT/api/posts/1" && break; sleep 1; done
  SENTRO_BENCH_KEY=$key $WRK -t2 -c32 -d30s -s /tmp/sentro-bench-get.lua "http://127.0.0.1:$PORT" >/dev/null # warm-up
  local status; status=$(curl -s -o /dev/null -w '%{http_code}' -H "X-API-Key: $key" "localhost:$PORT/api/posts/1")
  # Throughput on a shared 2-core machine swings by 20% from run to run; the CPU the application spends per request
  # (user + system time of its process over the measured run) is the steadier figure.
  local before; before=$(cpu_ticks $pid)
  local out; out=$(SENTRO_BENCH_KEY=$key $WRK -t2 -c32 -d30s -s /tmp/sentro-bench-get.lua "http://127.0.0.1:$PORT")
  local after; after=$(cpu_ticks $pid)
  local rps; rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  local requests; requests=$(echo "$out" | awk '/requests in/ {print $1}')
  local hz; hz=$(getconf CLK_TCK)
  echo "$label: $rps req/s, $(awk -v t=$((after - before)) -v n="$requests" -v hz="$hz" \
    'BEGIN { printf "%.1f", t * 1000000 / hz / n }') us of application CPU per request (status $status)"
  kill $pid; wait $pid 2>/dev/null || true
}
for round in $(seq 1 "$ROUNDS"); do
  run "round $round, no security" "" --sentro.security.access.default=permit-all --spring.autoconfigure.exclude=$NO_SECURITY
  run "round $round, open (permit-all)" "" --sentro.security.access.default=permit-all
  run "round $round, API key" "bench-key-0123456789" --sentro.security.api-keys[0].key=bench-key-0123456789
done
