#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL cluster, e.g. `.ci/postgres.sh uv run pytest`:
# PostgreSQL from Debian's packages when missing, a cluster initialised in a temporary folder
# by an unprivileged user (initdb refuses root), listening on 127.0.0.1 on a free port, and
# PAZOS_TEST_DB pointing at it for the command. The cluster is stopped and deleted on exit.
set -euo pipefail

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

bin="$(pg_bin)"
if [ -z "$bin" ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  bin="$(pg_bin)"
fi

as_owner=()
dir="$(mktemp -d /tmp/pazos-pg.XXXXXX)"
if [ "$(id -u)" = 0 ]; then
  owner=pazos-ci
  id "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
  chown "$owner" "$dir"
  as_owner=(runuser -u "$owner" --)
fi

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

stop() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

# 127.0.0.1 only, and no durability: a cluster that lives for one test run.
"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U pazos --auth=trust -E UTF8 --locale=C.UTF-8 \
  >"$dir/initdb.log"
# The superuser `pazos` (the suite's own connections) keeps trust; every other role (the
# personal roles of tests/test_server_people.py) must give its password, as in an office.
"${as_owner[@]}" tee "$dir/data/pg_hba.conf" >/dev/null <<'HBA'
local all pazos trust
host  all pazos 127.0.0.1/32 trust
local all all scram-sha-256
host  all all 127.0.0.1/32 scram-sha-256
HBA
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o \
  "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off \
   -c synchronous_commit=off -c full_page_writes=off" start >/dev/null

export PAZOS_TEST_DB="postgresql+psycopg://pazos@127.0.0.1:$port/postgres"
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port for: $*"
"$@"
