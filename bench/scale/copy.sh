#!/usr/bin/env bash
# Copies the seeded requests' rows in bulk under new ids (the app stopped), until there are about OPEN open tasks
# and HIST historic process instances: on H2 with H2's own RunScript from the app's jar, with DB=postgres with psql
# on the database bench/postgres.sh set up (PGDATABASE). See copy-sql.py for what is copied.
# Usage: copy.sh DATA JAR OPEN HIST
set -euo pipefail
DATA=$1 JAR=$2 OPEN=$3 HIST=$4
here=$(cd "$(dirname "$0")" && pwd)
if [ "${DB:-h2}" = postgres ]; then
  # the database as seeded, kept so that copying can be repeated (COPY_AGAIN: a new database from this template)
  [ -n "$(psql -Atc "select 1 from pg_database where datname = '${PGDATABASE}_seeded'")" ] \
    || createdb -T "$PGDATABASE" "${PGDATABASE}_seeded"
  sql() { psql -v ON_ERROR_STOP=1 -qc "$1" > /dev/null; }
  count() { psql -Atc "$1"; }
  export_csv() { psql -v ON_ERROR_STOP=1 -qc "\\copy ($2) to '$1' with (format csv, header $3)"; }
  run_script() { psql -v ON_ERROR_STOP=1 -q -f "$1" > /dev/null; }
else
  # H2_COPY_OPTIONS: settings for the copy's connection only, COPY_HEAP its heap (tried at 10,000 requests, copy
  # 100-103 s: ";CACHE_SIZE=2000000" with 4g 156 s; ";AUTO_COMPACT_FILL_RATE=0" 84 s, but at 100,000 the file grew
  # without bound until the disk was full)
  URL="jdbc:h2:file:$DATA/training${H2_COPY_OPTIONS:-}"
  H2=$DATA/h2.jar
  [ -f "$DATA/training-seeded.mv.db" ] || cp "$DATA/training.mv.db" "$DATA/training-seeded.mv.db"
  entry=$(unzip -Z1 "$JAR" | grep '^BOOT-INF/lib/h2-.*\.jar$' | head -1)
  unzip -p "$JAR" "$entry" > "$H2"
  sql() { # statement → runs it
    echo "$1" > "$DATA/one.sql"
    java -cp "$H2" org.h2.tools.RunScript -url "$URL" -user sa -password "" -script "$DATA/one.sql"
  }
  count() { # query → number (via CSVWRITE, no parsing of a console table)
    sql "CALL CSVWRITE('$DATA/count.csv', '$1', 'writeColumnHeader=false')"
    tr -d '"\r\n' < "$DATA/count.csv"
  }
  export_csv() { # file, query, header true|false
    sql "CALL CSVWRITE('$1', '${2//\'/\'\'}', 'writeColumnHeader=$3')"
  }
  run_script() { java -Xmx${COPY_HEAP:-1g} -cp "$H2" org.h2.tools.RunScript -url "$URL" -user sa -password "" -script "$1"; }
fi
if [ "${DB:-h2}" = postgres ]; then
  export_csv "$DATA/columns.csv" "SELECT upper(table_name) AS TABLE_NAME, upper(column_name) AS COLUMN_NAME FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position" true
else
  export_csv "$DATA/columns.csv" "SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME, ORDINAL_POSITION" true
fi
rm -f "$DATA/indexes-drop.sql" "$DATA/indexes-create.sql"
if [ "${DB:-h2}" != postgres ] && [ -z "${KEEP_INDEXES:-}" ]; then
  # H2: the copies go in without the secondary indexes, built again at the end (copy-sql.py); KEEP_INDEXES=1 keeps
  # them as before. An index that serves a constraint stays.
  export_csv "$DATA/indexes.csv" "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = 'PUBLIC' AND INDEX_TYPE_NAME = 'INDEX' AND INDEX_NAME NOT IN (SELECT INDEX_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE INDEX_NAME IS NOT NULL)" false
  sql "SCRIPT NODATA TO '$DATA/schema.sql'"
  python3 - "$DATA" <<'EOF2'
import csv, re, sys
data = sys.argv[1]
names = {row[0] for row in csv.reader(open(f"{data}/indexes.csv")) if row}
drop, create = [], []
for line in open(f"{data}/schema.sql", encoding="utf-8"):
    m = re.match(r'CREATE INDEX "PUBLIC"\."([^"]+)" ON', line)
    if m and m.group(1) in names:
        drop.append(f'DROP INDEX "PUBLIC"."{m.group(1)}";')
        create.append(line.strip())
open(f"{data}/indexes-drop.sql", "w").write("\n".join(drop) + "\n")
open(f"{data}/indexes-create.sql", "w").write("\n".join(create) + "\n")
print(f"{len(drop)} secondary indexes dropped for the copy and built again after it")
EOF2
fi
tasks=$(count "SELECT COUNT(*) FROM ACT_RU_TASK")
instances=$(count "SELECT COUNT(*) FROM ACT_HI_PROCINST")
echo "before copying: $tasks open tasks, $instances historic process instances"
python3 "$here/copy-sql.py" "$DATA" "$OPEN" "$HIST" "$tasks" "$instances" "${CHUNK:-20}" > "$DATA/copy.sql"
run_script "$DATA/copy.sql"
# the copies' invitation files: hard links to the original's file (DirectoryFileStore keeps DATA/uploads/<id>)
export_csv "$DATA/attachments.csv" "SELECT s.att, s.copies FROM seed_src s WHERE s.att IS NOT NULL" false
python3 - "$DATA" <<'EOF2'
import csv, os, sys
data = sys.argv[1]
links = 0
for att, copies in csv.reader(open(f"{data}/attachments.csv")):
    source = os.path.join(data, "uploads", att)
    if os.path.exists(source):
        for n in range(1, int(copies) + 1):
            target = f"{source}-c{n}"
            if not os.path.exists(target):
                os.link(source, target)
                links += 1
print(f"{links} invitation files linked for the copies")
EOF2
sql "DROP TABLE seed_src"
echo "after copying: $(count "SELECT COUNT(*) FROM ACT_RU_TASK") open tasks, $(count "SELECT COUNT(*) FROM ACT_HI_PROCINST") historic process instances"
