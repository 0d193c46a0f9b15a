#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster for the tests: initdb and pg_ctl as the unprivileged
# postgres user, on a free port on 127.0.0.1, in a temporary directory. Installs Debian's
# postgresql-15 when its binaries are missing. Connections over TCP need a password (SCRAM), so that
# tests of database credentials are real. Source it; it exports USERMETA_TEST_POSTGRES_URL (with the
# superuser's name and password) and stops the cluster and removes the directory when the sourcing
# shell exits.
set -euo pipefail

pg_bin=/usr/lib/postgresql/15/bin
if [ ! -x "$pg_bin/initdb" ]; then
  echo "Installing postgresql-15 from Debian's packages"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15
fi

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_dir=$(mktemp -d /tmp/usermeta-pg.XXXXXX)
chmod 755 "$pg_dir"
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
pg_password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
printf '%s\n' "$pg_password" >"$pg_dir/password"
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir/password"

# A port that nobody listens on: a refused connection is the sign.
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port found for PostgreSQL" >&2
  return 1
}
pg_port=$(free_port)

if ! as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U usermeta --auth-local=trust --auth-host=scram-sha-256 \
    --pwfile="$pg_dir/password" -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1; then
  cat "$pg_dir/initdb.log" >&2
  exit 1
fi
if ! as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=on" start >/dev/null; then
  cat "$pg_dir/server.log" >&2
  exit 1
fi

stop_postgres() {
  as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_postgres EXIT

export USERMETA_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$pg_port/postgres?user=usermeta&password=$pg_password"
echo "PostgreSQL 15 for the tests on 127.0.0.1:$pg_port ($pg_dir)"
