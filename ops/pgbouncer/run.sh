#!/usr/bin/env bash
# ops/pgbouncer/run.sh start|stop: PgBouncer in transaction mode on 127.0.0.1:${PGBOUNCER_PORT:-6432}
# in front of the local PostgreSQL, with its pid file and log in ${PGBOUNCER_RUN_DIR:-.data/pgbouncer}.
# Trust authentication: only for a PostgreSQL that itself trusts local connections (CI, a laptop).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${PGBOUNCER_PORT:-6432}"
run_dir="$(mkdir -p "${PGBOUNCER_RUN_DIR:-.data/pgbouncer}" && cd "${PGBOUNCER_RUN_DIR:-.data/pgbouncer}" && pwd)"
pid_file="$run_dir/pgbouncer.pid"

case "${1:-}" in
  start)
    command -v pgbouncer >/dev/null || { echo 'pgbouncer is not installed (Debian: apt-get install -y pgbouncer).' >&2; exit 1; }
    {
      cat "$here/pgbouncer.ini"
      echo "listen_port = $port"
      echo "auth_file = $here/userlist.txt"
      echo "pidfile = $pid_file"
      echo "logfile = $run_dir/pgbouncer.log"
      # PgBouncer refuses to run as root: it switches to the PostgreSQL user.
      if [ "$(id -u)" = 0 ]; then echo 'user = postgres'; fi
    } > "$run_dir/pgbouncer.ini"
    if [ "$(id -u)" = 0 ]; then chown -R postgres "$run_dir"; fi
    pgbouncer -d "$run_dir/pgbouncer.ini"
    for _ in $(seq 1 20); do pg_isready -h 127.0.0.1 -p "$port" -q && exit 0; sleep 0.5; done
    echo "PgBouncer did not start on port $port (see $run_dir/pgbouncer.log)." >&2
    exit 1
    ;;
  stop)
    if [ -f "$pid_file" ]; then kill "$(cat "$pid_file")" && rm -f "$pid_file"; fi
    ;;
  *)
    echo 'usage: ops/pgbouncer/run.sh start|stop' >&2
    exit 2
    ;;
esac
