#!/usr/bin/env bash
# What change events and the transactional outbox cost a create: bench/run.sh's `create` scenario (POST /api/posts,
# 32 connections) against Sentro three ways, interleaved round after round so that a slow minute of a shared machine
# weighs on all three alike:
#   off     no change events (the default)
#   events  --sentro.events.enabled=true --sentro.events.tables=posts (in-process events, published after commit)
#   outbox  the same with --sentro.events.outbox.enabled=true: each event also inserted into the outbox in the
#           write's transaction, and the relay (on, as by default) claiming and marking them delivered meanwhile
# After each outbox run it reads how many events were still pending: a relay that kept up leaves few.
# Prints a Markdown table of the medians and the ratios, and saves it under bench/results/.
#
# Usage:  bash bench/events.sh             (ROUNDS=3 WARMUP=30 DURATION=30: about 12 minutes)
# Needs:  what bench/run.sh needs (the local PostgreSQL, Maven, JDK 25, wrk). SKIP_INSTALL=1 as there.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
# As long as bench/run.sh's own: the outbox's path has more code for the JIT to compile, and with a short warm-up C2
# was still compiling it (17% of the machine's CPU, by perf) in the measured window.
WARMUP=${WARMUP:-30}
DURATION=${DURATION:-30}
WORK=$(mktemp -d /tmp/sentro-events-bench.XXXXXX)
PG=(psql -qAt -U postgres -h 127.0.0.1 -d sentro_bench)
EVENTS="--sentro.events.enabled=true --sentro.events.tables=posts"
say() { echo "[events $(date +%H:%M:%S)] $*" >&2; }

if [ "${SKIP_INSTALL:-0}" != 1 ]; then
  say "installing the starter"
  mvn -B -q install -DskipTests >&2
fi

declare -A ARGS=([off]="" [events]="$EVENTS" [outbox]="$EVENTS --sentro.events.outbox.enabled=true")
declare -A RPS=([off]="" [events]="" [outbox]="")
BACKLOG=""
for round in $(seq 1 "$ROUNDS"); do
  for config in off events outbox; do
    say "round $round: $config"
    line=$(ROUNDS=1 RESULT="$WORK/$config-$round.md" SENTRO_ARGS="${ARGS[$config]}" SYSTEMS=sentro SCENARIOS=create \
      WARMUP="$WARMUP" DURATION="$DURATION" STARTS=0 SKIP_INSTALL=1 bash bench/run.sh 2>>"$WORK/run.log" \
      | grep '^| create ')
    rps=$(echo "$line" | awk -F'|' '{gsub(/ /, "", $3); printf "%d", $3}')
    [[ "$rps" =~ ^[1-9][0-9]*$ ]] || { say "the $config run gave no figure (see $WORK): $line"; exit 1; }
    RPS[$config]="${RPS[$config]} $rps"
    if [ "$config" = outbox ]; then
      BACKLOG="$BACKLOG${BACKLOG:+;} $("${PG[@]}" -c "SELECT COUNT(*) FILTER (WHERE delivered_at IS NULL) || ' of ' || COUNT(*)
        FROM sentro_outbox")"
    fi
    say "  $rps req/s"
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
off=$(echo "${RPS[off]}" | median)
events=$(echo "${RPS[events]}" | median)
outbox=$(echo "${RPS[outbox]}" | median)
HOST=$(hostname 2>/dev/null || cat /proc/sys/kernel/hostname)
RESULT=bench/results/$(date +%Y-%m-%d-%H%M)-events-$HOST.md
{
  echo "## What change events cost a create, $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  echo "Machine: $HOST, $(nproc) CPUs. Starter built from $(git rev-parse --short HEAD). $ROUNDS rounds, interleaved;"
  echo "each run: bench/run.sh \`create\` (wrk -t2 -c32), warm-up $WARMUP s, $DURATION s measured."
  echo
  echo "| create | req/s, median | each round | ÷ off |"
  echo "|---|---:|---|---:|"
  echo "| events off | $off |${RPS[off]} | 1.00 |"
  echo "| events on | $events |${RPS[events]} | $(ratio "$events" "$off") |"
  echo "| events and outbox, relay on | $outbox |${RPS[outbox]} | $(ratio "$outbox" "$off") |"
  echo
  echo "Outbox ÷ events without it: $(ratio "$outbox" "$events"). Events still pending in the outbox when each outbox"
  echo "run ended:$BACKLOG."
} | tee "$RESULT"
say "saved $RESULT; runs' tables and logs in $WORK"
