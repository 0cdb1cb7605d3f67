# Sourced by the benchmarks: with DB=postgres they run the app on a new database of the local PostgreSQL server
# (the cluster and the role `training` that `.ci/run` sets up: password `training`, may create databases), dropped
# again at the end. Sets PROFILES (the app's Spring profiles) and exports the app's TRAINING_DB_* settings.
#
#   DB=postgres bench/lifecycle/run.sh 10
# A PG_BENCH_DB given by the caller is used as it is (a database an earlier run kept), not created.
PROFILES=demo
if [ "${DB:-h2}" = postgres ]; then
  export PGPASSWORD=${PGPASSWORD:-training} PGUSER=${PGUSER:-training} PGHOST=${PGHOST:-localhost}
  if [ -z "${PG_BENCH_DB:-}" ]; then
    PG_BENCH_DB="bench_$(date +%s)_$$"
    createdb "$PG_BENCH_DB"
  fi
  export PGDATABASE=$PG_BENCH_DB
  export TRAINING_DB_URL="jdbc:postgresql://$PGHOST:5432/$PG_BENCH_DB" TRAINING_DB_USER=$PGUSER \
    TRAINING_DB_PASSWORD=$PGPASSWORD
  PROFILES=demo,postgres
  echo "database: PostgreSQL $(psql -Atc 'show server_version' postgres), $PG_BENCH_DB"
else
  PG_BENCH_DB=
  echo "database: H2 file"
fi
drop_bench_db() { [ -z "$PG_BENCH_DB" ] || dropdb --if-exists "$PG_BENCH_DB" || true; }
