#!/usr/bin/env bash
# Sentro against the floor: the same REST calls on the same PostgreSQL table, served once by a plain Boot app that only
# adds the starter (bench/plain-app) and once by a minimal hand-written Spring MVC + JdbcTemplate service
# (bench/floor-app). Prints one Markdown table and saves it to bench/results/<date>-<hostname>.md.
#
# Usage:   bench/run.sh                                  (about 20 minutes per round with the defaults)
#          WARMUP=5 DURATION=5 SKIP_INSTALL=1 bench/run.sh   (a smoke run of about 4 minutes)
# Needs:   the local PostgreSQL at 127.0.0.1:5432, user postgres, trust auth (the database sentro_bench is dropped and
#          created anew); Maven; JDK 25; wrk (installed with apt-get when missing; needs root).
# Env:     WARMUP=30      seconds of load on each scenario before it is measured
#          DURATION=30    seconds each scenario is measured (wrk -t2 -c32 --latency)
#          ROUNDS=1       repeats everything, the systems' order swapped each round; the table gives medians
#          SKIP_INSTALL=1 does not `mvn install` the starter first: plain-app then uses the one in ~/.m2
#          JAVA=...       the JVM (default Temurin 25 at /usr/lib/jvm/temurin-25-jdk-amd64; else `java` on PATH)
#          JAVA_OPTS=...  JVM options for both systems (none by default: the JVM's own heap sizing)
#          SENTRO_ARGS=.. extra arguments for Sentro's application only (e.g. --sentro.page.max-size=500)
#          SCENARIOS=".." the scenarios to run, in order (default: all of them, as listed below)
#          SYSTEMS=".."   the systems to run (default: "sentro floor")
#          STARTS=3       how many timed starts of each kind before the load (0: none)
#          JAVA17=...     a JDK 17 java for the baseline's start-up figure (default: Debian's, if installed; empty: skip)
#          RESULT=...     where the table is saved (default: bench/results/<date>-<hostname>.md)
#
# What is measured, per system, each round (the two systems never run at the same time; nothing else runs on port
# 18090 or against sentro_bench meanwhile):
#   - start-up: wall time from launching the JVM until GET /api/posts/1 answers 2xx (polled every 50 ms), median of 3,
#     three ways: `java -jar` on JDK 25; the extracted jar with a JDK 25 AOT cache from a training run (Spring Boot's
#     documented setting); `java -jar` on JDK 17;
#   - throughput and p99 latency of the scenarios below, each warmed up for WARMUP s then measured for DURATION s;
#     non-2xx answers and socket errors are counted and flagged in the table, never folded into the figures;
#   - the resident set size of the JVM after the last scenario.
# The database is created anew (1,000 authors, 100,000 posts, deterministic) before each system, so both see the same
# rows; the write scenarios come last and PostgreSQL takes a CHECKPOINT before each is measured.
# Both run on JDK 25 with virtual threads, the JVM's default settings, Boot's default Hikari pool (10), logging at WARN. Sentro's API
# asks for an API key by default; the benchmark opens it with --sentro.security.access.default=permit-all (what
# access control costs is bench/security-overhead.sh's subject).
set -euo pipefail
cd "$(dirname "$0")/.."

WARMUP=${WARMUP:-30}
DURATION=${DURATION:-30}
ROUNDS=${ROUNDS:-1}
SKIP_INSTALL=${SKIP_INSTALL:-0}
read -r -a JVM_OPTS <<<"${JAVA_OPTS:-}"
read -r -a SENTRO_EXTRA <<<"${SENTRO_ARGS:-}"
PORT=18090
BASE="http://127.0.0.1:$PORT"
DATASOURCE="jdbc:postgresql://127.0.0.1:5432/sentro_bench?user=postgres"
PG=(psql -qAt -v ON_ERROR_STOP=1 -U postgres -h 127.0.0.1)
SENTRO_JAR=bench/plain-app/target/plain-app-1.jar
FLOOR_JAR=bench/floor-app/target/floor-app-1.jar
# Reads first, writes last: the writes change the table (create adds rows, as many as the system manages).
read -r -a SCENARIOS <<<"${SCENARIOS:-get list list_default filter_sort filter_sort_default offset embed_list author_posts keyset group_by create update bulk_patch create_one bulk_insert}"
# Scenarios of Sentro's own features, which the floor does not serve: measured for Sentro only, and compared with
# Sentro's own plain list and offset page.
SENTRO_ONLY=" embed_list author_posts keyset group_by bulk_patch create_one bulk_insert "
# Scenarios measured with one connection, one request at a time: their req/s is 1 / latency, so that a 1,000-row POST
# is compared with a one-row POST by how long each takes, as a client waits for it.
SEQUENTIAL=" create_one bulk_insert "
read -r -a SYSTEMS <<<"${SYSTEMS:-sentro floor}"
STARTS=${STARTS:-3}
WORK=$(mktemp -d /tmp/sentro-bench.XXXXXX) # application logs, wrk outputs; kept for inspection
started=$SECONDS

say() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

APP_PID=
stop_app() {
  if [ -n "$APP_PID" ]; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
  fi
}
trap stop_app EXIT
trap 'exit 130' INT TERM

# --- Tools -----------------------------------------------------------------------------------------------------------
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
if [ ! -x "$JAVA" ]; then
  say "no JDK at $JAVA; using java on PATH: $(command -v java || echo none)"
  JAVA=java
fi
JDK=$("$JAVA" -version 2>&1 | sed -n 2p) || fail "cannot run $JAVA"
say "JVM: $JAVA ($JDK)"
AOT_CACHE=1
if ! "$JAVA" -XX:AOTCacheOutput=/dev/null -version >/dev/null 2>&1; then
  AOT_CACHE=0; say "$JAVA has no AOT cache (JDK 25 or later): the AOT cache start-up is left out"
fi
# The JDK 17 baseline's start-up is reported too, when a JDK 17 is there (JAVA17= to skip it).
JAVA17=${JAVA17-$(ls -d /usr/lib/jvm/java-17-openjdk-*/bin/java 2>/dev/null | head -1)}
if ! command -v wrk >/dev/null; then
  say "installing wrk"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
"${PG[@]}" -d postgres -c 'select 1' >/dev/null || fail "PostgreSQL does not answer at 127.0.0.1:5432 (start it with:
  pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start)"
PG_VERSION=$("${PG[@]}" -d postgres -c 'show server_version' | awk '{print $1}')

# --- Build -----------------------------------------------------------------------------------------------------------
if [ "$SKIP_INSTALL" != 1 ]; then
  say "installing the starter (mvn install -DskipTests)"
  mvn -B -q install -DskipTests
  STARTER="built from $(git rev-parse --short HEAD)$(git diff-index --quiet HEAD -- 2>/dev/null || echo ' with local changes')"
else
  STARTER="as installed in the local Maven repository (SKIP_INSTALL=1)"
fi
say "building bench/plain-app and bench/floor-app"
mvn -B -q -f bench/plain-app/pom.xml clean package -DskipTests # clean: the starter is a SNAPSHOT
mvn -B -q -f bench/floor-app/pom.xml clean package -DskipTests

# --- Database --------------------------------------------------------------------------------------------------------
create_database() {
  "${PG[@]}" -d postgres -c "drop database if exists sentro_bench" -c "create database sentro_bench" >/dev/null
  "${PG[@]}" -d sentro_bench -f bench/schema.sql >/dev/null
  # VACUUM too, so that autovacuum does not visit the fresh table at a random moment of one system's run.
  "${PG[@]}" -d sentro_bench -c "vacuum analyze" >/dev/null
}

# --- Applications ----------------------------------------------------------------------------------------------------
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

launch() { # $1 system, $2 start mode (jar, aot, jdk17; default jar), $3.. extra JVM options: starts it, sets APP_PID
  local system=$1 mode=${2:-jar} jar extra=() java=$JAVA
  shift 2 || shift $#
  if [ "$system" = sentro ]; then
    jar=$SENTRO_JAR
    extra=(--sentro.security.access.default=permit-all "${SENTRO_EXTRA[@]}")
  else
    jar=$FLOOR_JAR
  fi
  case $mode in
    aot) jar=$WORK/$system-extracted/$(basename "$jar") ;; # the AOT cache works on the extracted form only
    jdk17) java=$JAVA17 ;;
  esac
  ! port_in_use || fail "something already listens on port $PORT"
  "$java" "${JVM_OPTS[@]}" "$@" -jar "$jar" --server.port=$PORT --spring.datasource.url="$DATASOURCE" \
    --spring.threads.virtual.enabled=true --logging.level.root=WARN "${extra[@]}" >>"$WORK/$system.log" 2>&1 &
  APP_PID=$!
}

# Spring Boot's documented AOT cache (JDK 25): the jar extracted, a training run that exits once the context is
# refreshed and writes the cache, then every start with -XX:AOTCache.
train_aot_cache() { # $1 system
  local system=$1 jar
  jar=$([ "$system" = sentro ] && echo "$SENTRO_JAR" || echo "$FLOOR_JAR")
  rm -rf "$WORK/$system-extracted"
  "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$WORK/$system-extracted" >/dev/null
  launch "$system" aot -XX:AOTCacheOutput="$WORK/$system-extracted/app.aot" -Dspring.context.exit=onRefresh
  wait "$APP_PID" || fail "the AOT training run of $system failed (log: $WORK/$system.log)"
  APP_PID=
  [ -s "$WORK/$system-extracted/app.aot" ] || fail "the AOT training run of $system wrote no cache"
}

time_starts() { # $1 system, $2 round, $3 mode, $4.. JVM options: STARTS timed starts into STARTUP_MS[system.mode.round.i]
  local system=$1 round=$2 mode=$3 i t0 t1
  shift 3
  for ((i = 1; i <= STARTS; i++)); do
    t0=$(date +%s%N)
    launch "$system" "$mode" "$@"
    wait_up "$system"
    t1=$(date +%s%N)
    stop_app
    STARTUP_MS[$system.$mode.$round.$i]=$(( (t1 - t0) / 1000000 ))
    say "$system start-up ($mode) $i: ${STARTUP_MS[$system.$mode.$round.$i]} ms"
  done
}

wait_up() { # $1 system: returns once GET /api/posts/1 answers 2xx
  local deadline=$((SECONDS + 180)) code
  while :; do
    code=$(curl -s -o "$WORK/probe.body" -w '%{http_code}' --max-time 5 "$BASE/api/posts/1" || true)
    case $code in
      2??) return 0 ;;
      000) ;;
      *) fail "$1 answered GET /api/posts/1 with $code: $(cat "$WORK/probe.body")" ;;
    esac
    kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$WORK/$1.log" >&2; fail "$1 exited (log: $WORK/$1.log)"; }
    [ $SECONDS -lt $deadline ] || fail "$1 did not answer within 180 s (log: $WORK/$1.log)"
    sleep 0.05
  done
}

# --- Scenarios -------------------------------------------------------------------------------------------------------
# The same requests for both systems, but in the *_default scenarios: there Sentro gets no 'count' parameter (its
# default count mode) and the floor counts exactly (count=exact: a SELECT count(*) with the same WHERE).
wrk_target() { # $1 system, $2 scenario: sets TARGET (wrk's arguments) and PROBE (curl's, for one check request)
  # One author's published posts, most viewed first: found through the foreign key's index, as in any real schema.
  local filter="where.author_id.eq=42&where.status.eq=published&sort=-views&limit=20"
  local floor_count=; [ "$1" = floor ] && floor_count="&count=exact"
  local json=(-H "Content-Type: application/json")
  case $2 in
    get) TARGET=(-s bench/lua/get.lua "$BASE"); PROBE=("$BASE/api/posts/1") ;;
    list) TARGET=("$BASE/api/posts?limit=20&count=none") ;;
    list_default) TARGET=("$BASE/api/posts?limit=20$floor_count") ;;
    filter_sort) TARGET=("$BASE/api/posts?$filter&count=none") ;;
    filter_sort_default) TARGET=("$BASE/api/posts?$filter$floor_count") ;;
    offset) TARGET=("$BASE/api/posts?limit=20&offset=90000&count=none") ;;
    # 20 posts with their authors: the page, then one statement for the authors of all 20.
    embed_list) TARGET=("$BASE/api/posts?limit=20&count=none&embed=author") ;;
    # One author with their 20 latest posts.
    author_posts) TARGET=("$BASE/api/authors/42?embed=posts&posts.sort=-created_at&posts.limit=20") ;;
    # The page at row 90,000 again, reached with the cursor of the row before it instead of an offset.
    keyset) TARGET=("$BASE/api/posts?limit=20&count=none&after=$(cursor_at 90000)") ;;
    # Posts per status with their views, over all 100,000 rows.
    group_by) TARGET=("$BASE/api/posts?group=status&agg=count,sum:views&count=none") ;;
    create) TARGET=(-s bench/lua/create.lua "$BASE")
      PROBE=(-X POST "${json[@]}" -d '{"author_id":1,"title":"bench"}' "$BASE/api/posts") ;;
    update) TARGET=(-s bench/lua/update.lua "$BASE")
      PROBE=(-X PATCH "${json[@]}" -d '{"views":1}' "$BASE/api/posts/1") ;;
    # One author's drafts (about 33 rows) get new views: one UPDATE ... RETURNING.
    bulk_patch) TARGET=(-s bench/lua/bulk_patch.lua "$BASE")
      PROBE=(-X PATCH "${json[@]}" -d '{"views":1}' "$BASE/api/posts?where.author_id.eq=1&where.status.eq=draft") ;;
    # One post, one request at a time (the yardstick of bulk_insert).
    create_one) TARGET=(-s bench/lua/create.lua "$BASE")
      PROBE=(-X POST "${json[@]}" -d '{"author_id":1,"title":"bench"}' "$BASE/api/posts") ;;
    # 1,000 posts in one request, one request at a time: one multi-row INSERT ... RETURNING.
    bulk_insert) TARGET=(-s bench/lua/bulk_insert.lua "$BASE")
      PROBE=(-X POST "${json[@]}" -d '[{"author_id":1,"title":"bulk"},{"author_id":2,"title":"bulk"}]' \
        "$BASE/api/posts") ;;
    *) fail "unknown scenario $2" ;;
  esac
  case $2 in get | create | create_one | update | bulk_patch | bulk_insert) ;; *) PROBE=("${TARGET[@]}") ;; esac
}

cursor_at() { # $1 a row number: the cursor that continues after the row before it (cursors are sealed per start)
  curl -s --max-time 10 "$BASE/api/posts?limit=1&offset=$(($1 - 1))&count=none&fields=id" \
    | sed -n 's/.*"next":"\([^"]*\)".*/\1/p'
}

declare -A RPS P99 ERRORS NOTE STARTUP_MS RSS_MB CPU_US
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
NOTES=()

to_ms() { # wrk's latency (123.45us, 1.23ms, 1.02s, 1.00m) in ms
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : (u == "h") ? 3600000 : -1
    if (f < 0) print "?"; else printf "%.2f", n * f }'
}

measure() { # $1 system, $2 scenario, $3 round
  local system=$1 scenario=$2 round=$3 key="$1.$2.$3" out code
  wrk_target "$system" "$scenario"
  code=$(curl -s -o "$WORK/probe.body" -w '%{http_code}' --max-time 10 "${PROBE[@]}" || true)
  if [[ $code != 2?? ]]; then
    NOTES+=("$system $scenario (round $round): the check request got $code: $(head -c 600 "$WORK/probe.body")")
    say "$system $scenario: check request answered $code: $(head -c 300 "$WORK/probe.body")"
  fi
  local load=(-t2 -c32)
  [[ $SEQUENTIAL == *" $scenario "* ]] && load=(-t1 -c1)
  if [ "$WARMUP" -gt 0 ]; then
    say "$system $scenario: warm-up ${WARMUP}s"
    wrk "${load[@]}" -d"${WARMUP}s" "${TARGET[@]}" >"$WORK/$key.warmup.txt"
  fi
  case $scenario in create* | update | bulk_*) "${PG[@]}" -d sentro_bench -c checkpoint >/dev/null ;; esac
  say "$system $scenario: measuring ${DURATION}s"
  out="$WORK/$key.txt"
  # Throughput on a shared 2-core machine swings from run to run; the CPU time the application spends per request
  # (user + system of its process over the measured run) is the steadier figure of its own cost.
  local ticks_before ticks_after
  ticks_before=$(cpu_ticks "$APP_PID")
  wrk "${load[@]}" -d"${DURATION}s" --latency "${TARGET[@]}" >"$out"
  ticks_after=$(cpu_ticks "$APP_PID")
  RPS[$key]=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$out")
  P99[$key]=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
  local non2xx socket requests
  non2xx=$(awk -F: '/Non-2xx or 3xx responses/ {print $2 + 0}' "$out")
  socket=$(awk '/Socket errors/ {gsub(/[^0-9 ]/, " "); s = 0; for (i = 1; i <= NF; i++) s += $i; print s}' "$out")
  requests=$(awk '/requests in/ {print $1}' "$out")
  ERRORS[$key]=$(( ${non2xx:-0} + ${socket:-0} ))
  CPU_US[$key]=$(awk -v t=$((ticks_after - ticks_before)) -v n="${requests:-0}" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { if (n > 0) printf "%.0f", t * 1000000 / hz / n }')
  if [ "${ERRORS[$key]}" -gt 0 ] || [ -z "${RPS[$key]}" ]; then
    NOTES+=("$system $scenario (round $round): ${non2xx:-0} non-2xx responses, ${socket:-0} socket errors in ${requests:-?} requests (wrk output: $out)")
  fi
  say "$system $scenario: ${RPS[$key]} req/s, p99 ${P99[$key]} ms, ${CPU_US[$key]} us CPU/request, ${ERRORS[$key]} errors"
}

run_system() { # $1 system, $2 round
  local system=$1 round=$2 i t0 t1 scenario
  say "== round $round: $system"
  create_database
  time_starts "$system" "$round" jar
  if [ "$STARTS" -gt 0 ] && [ "$AOT_CACHE" = 1 ]; then
    train_aot_cache "$system"
    time_starts "$system" "$round" aot -XX:AOTCache="$WORK/$system-extracted/app.aot"
  fi
  if [ "$STARTS" -gt 0 ] && [ -n "$JAVA17" ]; then
    time_starts "$system" "$round" jdk17
  fi
  launch "$system"
  wait_up "$system"
  for scenario in "${SCENARIOS[@]}"; do
    if [ "$system" = floor ] && [[ $SENTRO_ONLY == *" $scenario "* ]]; then continue; fi
    measure "$system" "$scenario" "$round"
  done
  RSS_MB[$system.$round]=$(( $(ps -o rss= -p "$APP_PID") / 1024 ))
  say "$system RSS after the load: ${RSS_MB[$system.$round]} MB"
  stop_app
}

for round in $(seq 1 "$ROUNDS"); do
  order=("${SYSTEMS[@]}")
  if [ $((round % 2)) = 0 ]; then order=(); for ((i = ${#SYSTEMS[@]} - 1; i >= 0; i--)); do order+=("${SYSTEMS[i]}"); done; fi
  for system in "${order[@]}"; do run_system "$system" "$round"; done
done

# --- Report ----------------------------------------------------------------------------------------------------------
median() { # numbers as arguments; empty when none
  printf '%s\n' "$@" | { grep -E '^[0-9.]+$' || true; } | sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) exit; if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
values() { # $1 array name, $2 key prefix: the values of every round
  local -n array=$1; local k
  for k in "${!array[@]}"; do [[ $k == "$2".* ]] && echo "${array[$k]}"; done
}
seconds() { [ -z "$1" ] && echo "–" || awk -v v="$1" 'BEGIN {printf "%.2f", v / 1000}'; }
declare -A START_LABEL=([jar]="JDK 25, java -jar" [aot]="JDK 25, extracted jar + AOT cache"
  [jdk17]="JDK 17, java -jar")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "–"; else printf "%.2f", a / b }'; }
cell() { # $1 system, $2 scenario: median req/s, flagged when any round had errors
  local rps errors
  rps=$(median $(values RPS "$1.$2"))
  errors=$(values ERRORS "$1.$2" | awk '{ s += $1 } END { print s + 0 }')
  if [ "$errors" -gt 0 ]; then echo "${rps:-?} ⚠ $errors errors"; else echo "${rps:-?}"; fi
}

MODEL=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
MEMORY=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
HOST=$(hostname 2>/dev/null || cat /proc/sys/kernel/hostname)
mkdir -p bench/results
RESULT=${RESULT:-bench/results/$(date +%Y-%m-%d-%H%M)-$HOST.md}
{
  echo "## Sentro vs the floor, $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  echo "Machine: $HOST, $(nproc) CPUs ($MODEL), $MEMORY. JDK: $JDK. PostgreSQL $PG_VERSION."
  medians=; [ "$ROUNDS" -gt 1 ] && medians=" (medians)"
  echo "Starter $STARTER. wrk -t2 -c32 (create_one and bulk_insert: -t1 -c1), warm-up ${WARMUP} s and ${DURATION} s measured per scenario," \
    "$ROUNDS round(s)$medians. JVM options: ${JVM_OPTS[*]}${SENTRO_EXTRA[*]:+; Sentro also: ${SENTRO_EXTRA[*]}}."
  echo
  echo "| scenario | Sentro req/s | floor req/s | ratio (Sentro/floor) | Sentro p99 | floor p99 | Sentro CPU/req | floor CPU/req |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  for scenario in "${SCENARIOS[@]}"; do
    s=$(median $(values RPS "sentro.$scenario")); f=$(median $(values RPS "floor.$scenario"))
    r=$(ratio "$s" "$f"); [[ "$(cell sentro "$scenario") $(cell floor "$scenario")" == *⚠* ]] && r="– (errors)"
    echo "| $scenario | $(cell sentro "$scenario") | $(cell floor "$scenario") | $r" \
      "| $(median $(values P99 "sentro.$scenario")) ms | $(median $(values P99 "floor.$scenario")) ms" \
      "| $(median $(values CPU_US "sentro.$scenario")) µs | $(median $(values CPU_US "floor.$scenario")) µs |"
  done
  for mode in jar aot jdk17; do
    s=$(median $(values STARTUP_MS sentro.$mode)); f=$(median $(values STARTUP_MS floor.$mode))
    [ -n "$s$f" ] || continue
    echo "| start-up to first 2xx, ${START_LABEL[$mode]} (s, median of $((STARTS * ROUNDS))) |" \
      "$(seconds "$s") | $(seconds "$f") | $(ratio "$s" "$f") | | | | |"
  done
  s=$(median $(values RSS_MB sentro)); f=$(median $(values RSS_MB floor))
  echo "| RSS after the load (MB) | $s | $f | $(ratio "$s" "$f") | | | | |"
  echo
  echo "Sentro's default count mode against count=none (the cost of the total on a page):" \
    "list $(ratio "$(median $(values RPS sentro.list_default))" "$(median $(values RPS sentro.list))")," \
    "filter + sort $(ratio "$(median $(values RPS sentro.filter_sort_default))" "$(median $(values RPS sentro.filter_sort))")."
  echo
  echo "Sentro's reads against its own (the floor has no such endpoints):" \
    "embedding the author in a list of 20 ÷ the plain list: $(ratio "$(median $(values RPS sentro.embed_list))" "$(median $(values RPS sentro.list))") (target ≥ 0.8);" \
    "the page at row 90,000 by cursor ÷ by offset: $(ratio "$(median $(values RPS sentro.keyset))" "$(median $(values RPS sentro.offset))") (target ≥ 20)."
  echo
  echo "Sentro's bulk writes: a POST of 1,000 rows takes $(ratio "$(median $(values RPS sentro.create_one))" "$(median $(values RPS sentro.bulk_insert))") times as long as a POST of one (one connection, one request at a time; target < 5);" \
    "a PATCH by filter of about 33 rows costs $(ratio "$(median $(values RPS sentro.update))" "$(median $(values RPS sentro.bulk_patch))") PATCHes of one row."
  echo
  echo "Scenarios (GET /api/posts unless said): \`get\` /{random id}; \`list\` ?limit=20&count=none;" \
    "\`list_default\` ?limit=20 (Sentro's default count mode; the floor counts: &count=exact);" \
    "\`filter_sort\` ?where.author_id.eq=42&where.status.eq=published&sort=-views&limit=20&count=none;" \
    "\`filter_sort_default\` the same without count=none (the floor: count=exact);" \
    "\`offset\` ?limit=20&offset=90000&count=none;" \
    "\`embed_list\` ?limit=20&count=none&embed=author; \`author_posts\` GET /api/authors/42?embed=posts&posts.sort=-created_at&posts.limit=20;" \
    "\`keyset\` ?limit=20&count=none&after={the cursor after row 89,999}; \`group_by\` ?group=status&agg=count,sum:views&count=none;" \
    "\`create\` POST {author_id, title};" \
    "\`update\` PATCH /{random id} {views};" \
    "\`bulk_patch\` PATCH ?where.author_id.eq={random}&where.status.eq=draft {views} (about 33 rows);" \
    "\`create_one\` the create scenario with one connection; \`bulk_insert\` POST [1,000 × {author_id, title}] with one connection."
  if [ ${#NOTES[@]} -gt 0 ]; then
    echo
    echo "**Errors** (the figures of these scenarios are not comparable):"
    printf -- '- %s\n' "${NOTES[@]}"
  fi
} | tee "$RESULT"
say "saved $RESULT; logs and wrk outputs in $WORK; took $(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s"
