#!/usr/bin/env bash
# A streaming replica of the machine's PostgreSQL (127.0.0.1:5432) on 127.0.0.1:5433, for the read-replica tests:
# replication allowed from localhost, a base backup with pg_basebackup -R, started as the postgres user.
# Idempotent: a replica already answering is left as it is. Prints nothing on success; exits non-zero on failure.
set -euo pipefail
PORT=5433
DATA=/var/lib/postgresql/sentro-replica
VERSION=$(ls /etc/postgresql | sort -V | tail -1)
BIN=/usr/lib/postgresql/$VERSION/bin
HBA=/etc/postgresql/$VERSION/main/pg_hba.conf

if pg_isready -q -h 127.0.0.1 -p "$PORT" 2>/dev/null \
   && [ "$(psql -U postgres -h 127.0.0.1 -p "$PORT" -d postgres -Atc 'select pg_is_in_recovery()' 2>/dev/null)" = t ]; then
  exit 0
fi
if ! grep -qE '^host\s+replication\s+all\s+127\.0\.0\.1/32' "$HBA"; then
  echo "host replication all 127.0.0.1/32 trust" >>"$HBA"
  psql -q -U postgres -h 127.0.0.1 -d postgres -c "select pg_reload_conf()" >/dev/null
fi
if [ -f "$DATA/postmaster.pid" ]; then
  su postgres -c "$BIN/pg_ctl -D $DATA -m fast stop" >/dev/null 2>&1 || true
fi
rm -rf "$DATA"
su postgres -c "$BIN/pg_basebackup -h 127.0.0.1 -p 5432 -U postgres -D $DATA -R -X stream -c fast"
cat >"$DATA/postgresql.conf" <<CONF
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '/tmp'
hot_standby = on
max_connections = $(psql -U postgres -h 127.0.0.1 -d postgres -Atc 'show max_connections')
CONF
printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' >"$DATA/pg_hba.conf"
: >"$DATA/pg_ident.conf"
chown postgres:postgres "$DATA/postgresql.conf" "$DATA/pg_hba.conf" "$DATA/pg_ident.conf"
su postgres -c "$BIN/pg_ctl -D $DATA -l $DATA/replica.log -w start" >/dev/null
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$PORT" && exit 0
  sleep 1
done
echo "the replica did not start; see $DATA/replica.log" >&2
exit 1
