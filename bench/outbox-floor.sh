#!/usr/bin/env bash
# What an outbox row costs PostgreSQL itself, without the application: pgbench runs one create of the benchmark's
# posts table six ways against the same database, and prints transactions per second and the ratio to the first:
#   insert       the INSERT ... RETURNING alone, auto-commit (what Sentro runs for a create without events)
#   tx           the same in a transaction: BEGIN sent with the INSERT, then COMMIT (two round trips, as with events)
#   tx_outbox    the INSERT and the outbox's INSERT in a transaction, then COMMIT (three round trips: Sentro's outbox
#                path before the committing insert, and still on MySQL, MariaDB and SQL Server)
#   tx_outbox_commit  the same with the outbox's INSERT and the COMMIT sent together (two round trips: Sentro's path
#                on PostgreSQL, OutboxSql.CommittingInsert)
#   one_stmt     both in one statement, a writable CTE, auto-commit (one round trip)
#   one_relayed  one_stmt while one more client claims and marks delivered what it writes, as the relay does
# The outbox table is Sentro's (PostgresDialect.outbox), created empty before each run; the payload is a real event's.
# Prints a Markdown table and saves it under bench/results/.
#
# Usage:  bash bench/outbox-floor.sh          (CLIENTS=16 SECONDS_EACH=8 ROUNDS=3: about four minutes)
# Needs:  the local PostgreSQL (127.0.0.1:5432, user postgres, trust) and pgbench; the database sentro_bench with the
#         benchmark's schema (bench/run.sh or bench/events.sh leave it; this script loads bench/schema.sql when absent).
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${CLIENTS:-16}
SECONDS_EACH=${SECONDS_EACH:-8}
ROUNDS=${ROUNDS:-3}
PG=(psql -qAt -v ON_ERROR_STOP=1 -U postgres -h 127.0.0.1)
WORK=$(mktemp -d /tmp/sentro-outbox-floor.XXXXXX)

if ! "${PG[@]}" -d sentro_bench -c "SELECT 1 FROM posts LIMIT 1" >/dev/null 2>&1; then
  "${PG[@]}" -d postgres -c "DROP DATABASE IF EXISTS sentro_bench" -c "CREATE DATABASE sentro_bench"
  "${PG[@]}" -d sentro_bench -f bench/schema.sql >/dev/null
fi
WAYS="insert tx tx_outbox tx_outbox_commit one_stmt one_relayed"

outbox() {
  "${PG[@]}" -d sentro_bench <<'SQL'
DROP TABLE IF EXISTS sentro_outbox;
CREATE TABLE sentro_outbox (seq BIGSERIAL PRIMARY KEY, id VARCHAR(36) NOT NULL, table_name VARCHAR(255) NOT NULL,
  row_key VARCHAR(500) NOT NULL, operation VARCHAR(10) NOT NULL, payload TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP, attempts INT NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP, delivered_at TIMESTAMPTZ NULL,
  dead SMALLINT NOT NULL DEFAULT 0, last_error VARCHAR(2000) NULL);
CREATE INDEX sentro_outbox_pending ON sentro_outbox (seq) WHERE delivered_at IS NULL AND dead = 0;
CREATE INDEX sentro_outbox_pending_row ON sentro_outbox (table_name, row_key, seq) WHERE delivered_at IS NULL AND dead = 0;
CHECKPOINT;
SQL
}

# A real event's payload (spaces after the colons: pgbench reads ":name" as a variable).
PAYLOAD='{"id": "838f3cc1-382e-4546-ba60-5c2c06f4611f", "table": "posts", "operation": "create", "key": {"id": 100018}, "before": null, "after": {"id": 100018, "author_id": 474, "title": "bench", "status": "draft", "views": 0, "created_at": "2026-11-30T18-27-57.461014Z"}, "principal": null, "timestamp": "2026-11-30T18-27-57.461637067Z", "transaction": "4f2aa314-d33a-49f1-910f-380d1676beca", "sequence": null}'
OUTBOX_INSERT="INSERT INTO sentro_outbox (id, table_name, row_key, operation, payload) VALUES (gen_random_uuid()::text, 'posts', '[' || currval('posts_id_seq') || ']', 'create', '$PAYLOAD') RETURNING seq;"
INSERT="INSERT INTO posts (author_id, title) VALUES (:a, 'bench') RETURNING *;"
cat > "$WORK/insert.sql" <<EOF
\set a random(1, 1000)
$INSERT
EOF
cat > "$WORK/tx.sql" <<EOF
\set a random(1, 1000)
\startpipeline
BEGIN;
$INSERT
\endpipeline
COMMIT;
EOF
cat > "$WORK/tx_outbox.sql" <<EOF
\set a random(1, 1000)
\startpipeline
BEGIN;
$INSERT
\endpipeline
$OUTBOX_INSERT
COMMIT;
EOF
cat > "$WORK/tx_outbox_commit.sql" <<EOF
\set a random(1, 1000)
\startpipeline
BEGIN;
$INSERT
\endpipeline
\startpipeline
$OUTBOX_INSERT
COMMIT;
\endpipeline
EOF
cat > "$WORK/one_stmt.sql" <<EOF
\set a random(1, 1000)
WITH r AS ($INSERT), o AS (INSERT INTO sentro_outbox (id, table_name, row_key, operation, payload) SELECT gen_random_uuid()::text, 'posts', '[' || r.id || ']', 'create', '$PAYLOAD' FROM r RETURNING seq) SELECT r.*, o.seq FROM r, o;
EOF
sed -i 's/RETURNING \*;), o AS/RETURNING *), o AS/' "$WORK/one_stmt.sql"
cat > "$WORK/relay.sql" <<'EOF'
UPDATE sentro_outbox SET delivered_at = CURRENT_TIMESTAMP WHERE seq IN (SELECT o.seq FROM sentro_outbox o WHERE o.delivered_at IS NULL AND o.dead = 0 AND o.next_attempt_at <= CURRENT_TIMESTAMP AND o.seq = (SELECT MIN(e.seq) FROM sentro_outbox e WHERE e.table_name = o.table_name AND e.row_key = o.row_key AND e.delivered_at IS NULL AND e.dead = 0) ORDER BY o.seq LIMIT 100 FOR UPDATE SKIP LOCKED);
EOF

tps() { grep -o 'tps = [0-9.]*' | awk '{printf "%d", $3}'; }
run() { pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$1" -j 2 -T "$SECONDS_EACH" -f "$WORK/$2.sql" sentro_bench 2>&1 | tps; }

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
declare -A EACH
for round in $(seq 1 "$ROUNDS"); do
  for way in $WAYS; do
    outbox
    if [ "$way" = one_relayed ]; then
      run 1 relay >/dev/null &
      tps=$(run $((CLIENTS - 1)) one_stmt)
      wait
    else
      tps=$(run "$CLIENTS" "$way")
    fi
    EACH[$way]="${EACH[$way]:-} $tps"
    echo "[floor] round $round, $way: $tps tps" >&2
  done
done
declare -A TPS
for way in $WAYS; do
  TPS[$way]=$(echo "${EACH[$way]}" | median)
done
HOST=$(hostname 2>/dev/null || cat /proc/sys/kernel/hostname)
mkdir -p bench/results
RESULT=bench/results/$(date +%Y-%m-%d-%H%M)-outbox-floor-$HOST.md
{
  echo "## What an outbox row costs PostgreSQL alone, $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  echo "Machine: $HOST, $(nproc) CPUs. $(psql -U postgres -h 127.0.0.1 -qAt -d postgres -c 'SHOW server_version')."
  echo "pgbench -M prepared -c $CLIENTS -j 2, ${SECONDS_EACH} s each; one_relayed: $((CLIENTS - 1)) writers and a relay."
  echo "$ROUNDS rounds, the six ways interleaved in each; medians."
  echo
  echo "| per request, PostgreSQL alone | tps, median | each round | ÷ insert |"
  echo "|---|---:|---|---:|"
  for way in $WAYS; do
    echo "| $way | ${TPS[$way]} |${EACH[$way]} | $(awk -v a="${TPS[$way]}" -v b="${TPS[insert]}" 'BEGIN {printf "%.2f", a / b}') |"
  done
} | tee "$RESULT"
echo "[floor] saved $RESULT" >&2
