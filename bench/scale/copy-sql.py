#!/usr/bin/env python3
"""Writes copy.sql for bench/scale/copy.sh: copies of the seeded requests' rows under new ids.

Usage: copy-sql.py DATA OPEN HIST CURRENT_TASKS CURRENT_INSTANCES [CHUNK] > copy.sql
(DB=postgres: PostgreSQL's SQL for psql, else H2's for RunScript)
Reads DATA/seeded.csv (pid,open|done,approval number,kind) and DATA/columns.csv (TABLE_NAME,COLUMN_NAME, every
table of schema PUBLIC), writes DATA/seed-src.csv (pid,copies,reg_rank,num).

Copy n of a request gets every id of its rows suffixed with "-c<n>" (process instance, executions, activity
instances, tasks, variables, byte arrays, jobs, authorizations, decision instances, history rows, the app's
request record, read model, step records, attachment). Definition ids (process/decision definition, deployment,
job definition), users and groups stay: a copy is one more instance of the same process for the same people.
A registered copy gets its own approval number WX-<year>-<seq> (years before this one, seq 1000-9999), in the
engine's variables, the app's approval_number table, the read model and the step record's values alike.
"""
import csv
import math
import os
import sys

PG = os.environ.get("DB") == "postgres"

data, open_target, hist_target, cur_tasks, cur_inst = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), \
    int(sys.argv[4]), int(sys.argv[5])

seeded = [row for row in csv.reader(open(f"{data}/seeded.csv")) if row]
opens = [r for r in seeded if r[1] == "open"]
dones = [r for r in seeded if r[1] == "done"]
# open copies until the open tasks reach the target; then finished copies until the instances do
open_extra = max(0, open_target - cur_tasks)
inst_after_open = cur_inst + open_extra
done_extra = max(0, hist_target - inst_after_open)


def spread(rows, extra):
    n = len(rows)
    return [(r, extra // n + (1 if i < extra % n else 0)) for i, r in enumerate(rows)] if n else []


plan = spread(opens, open_extra) + spread(dones, done_extra)
registered = [r for r, _ in plan if r[2]]
rank = {r[0]: i for i, r in enumerate(registered)}
reg_count = max(1, len(registered))
max_copies = max([c for _, c in plan] + [0])
with open(f"{data}/seed-src.csv", "w") as out:
    out.write("PID,COPIES,REG_RANK,NUM\n")
    for r, copies in plan:
        out.write(f"{r[0]},{copies},{rank.get(r[0], -1)},{r[2]}\n")
print(f"-- {len(opens)} open and {len(dones)} finished requests seeded; {open_extra} open copies, {done_extra} "
      f"finished copies, at most {max_copies} copies of one request", file=sys.stderr)
if max_copies > 9999:
    sys.exit("too many copies of one request: seed more real requests")

columns = {}
for row in ({k.upper(): v for k, v in r.items()} for r in csv.DictReader(open(f"{data}/columns.csv"))):
    # PostgreSQL lists the names in lower case; unquoted upper-case names below mean the same there
    columns.setdefault(row["TABLE_NAME"].upper(), []).append(row["COLUMN_NAME"].upper())

# the ids of one request's own rows (never definitions, users or groups)
REWRITE = {"ID_", "PROC_INST_ID_", "ROOT_PROC_INST_ID_", "EXECUTION_ID_", "PARENT_ID_", "SUPER_EXEC_",
           "ACT_INST_ID_", "PARENT_ACT_INST_ID_", "TASK_ID_", "PARENT_TASK_ID_", "BYTEARRAY_ID_",
           "BYTEARRAY_VALUE_ID_", "VAR_INST_ID_", "CALL_PROC_INST_ID_", "SUPER_PROCESS_INSTANCE_ID_",
           "PROCESS_INSTANCE_ID_", "EXCEPTION_STACK_ID_", "ERROR_DETAILS_ID_", "OPERATION_ID_", "JOB_ID_",
           "DEC_INST_ID_", "ROOT_DEC_INST_ID_", "BUSINESS_KEY_", "RESOURCE_ID_", "CASE_INST_ID_",
           "ROOT_PROCESS_INSTANCE_ID_", "EXT_TASK_ID_", "VAR_SCOPE_", "EXTERNAL_TASK_ID_", "FAILED_ACT_ID_"}
REWRITE -= {"FAILED_ACT_ID_"}  # an activity's id in the BPMN, not an instance's
# Camunda's tables that hold no request's rows
SKIP = ("ACT_RE_", "ACT_ID_", "ACT_GE_PROPERTY", "ACT_GE_SCHEMA_LOG", "ACT_RU_METER_LOG", "ACT_RU_JOBDEF",
        "ACT_RU_FILTER", "ACT_RU_TASK_METER_LOG", "ACT_RU_BATCH", "ACT_HI_BATCH")
# tables whose rows are found through seed_obj (ids belonging to a request) rather than a process instance column
VIA_OBJ = {"ACT_RU_IDENTITYLINK": "TASK_ID_", "ACT_RU_AUTHORIZATION": "RESOURCE_ID_", "ACT_GE_BYTEARRAY": "ID_",
           "ACT_HI_DEC_IN": "DEC_INST_ID_", "ACT_HI_DEC_OUT": "DEC_INST_ID_"}
VARIABLE_TABLES = {"ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL"}

sql = []
w = sql.append
if PG:
    # every statement commits on its own (psql's default); a copy that fails stops the script
    w("SET synchronous_commit = off;")
else:
    w("SET AUTOCOMMIT ON;")
    # copies reference copies (executions their parents, subscriptions their executions): checked again at the end
    w("SET REFERENTIAL_INTEGRITY FALSE;")
w("DROP TABLE IF EXISTS seed_src; DROP TABLE IF EXISTS seed_copy; DROP TABLE IF EXISTS seed_obj;")
w("CREATE TABLE seed_src(pid VARCHAR(64) PRIMARY KEY, copies INT, reg_rank INT, num VARCHAR(30), att VARCHAR(255));")
if PG:
    w("DROP TABLE IF EXISTS seed_src_in; CREATE TABLE seed_src_in(pid TEXT, copies TEXT, reg_rank TEXT, num TEXT);")
    w(f"\\copy seed_src_in FROM '{data}/seed-src.csv' WITH (FORMAT csv, HEADER true)")
    w("INSERT INTO seed_src(pid, copies, reg_rank, num) SELECT pid, CAST(copies AS INT), CAST(reg_rank AS INT), "
      "NULLIF(num, '') FROM seed_src_in; DROP TABLE seed_src_in;")
else:
    w(f"INSERT INTO seed_src(pid, copies, reg_rank, num) SELECT PID, CAST(COPIES AS INT), CAST(REG_RANK AS INT), "
      f"NULLIF(NUM, '') FROM CSVREAD('{data}/seed-src.csv', NULL, 'charset=UTF-8');")
w("UPDATE seed_src s SET att = (SELECT MIN(a.id) FROM attachment a WHERE a.process_instance_id = s.pid);")
# copy n of request pid: suffix, and for a registered request its own approval number
w("CREATE TABLE seed_copy(pid VARCHAR(64), n INT, sfx VARCHAR(12), num VARCHAR(30), new_num VARCHAR(30), "
  "new_year INT, new_seq INT, att VARCHAR(255), PRIMARY KEY (pid, n));")
w(f"INSERT INTO seed_copy SELECT s.pid, r.X, '-c' || r.X, s.num, "
  f"CASE WHEN s.reg_rank >= 0 THEN 'WX-' || (2025 - ((r.X - 1) * {reg_count} + s.reg_rank) / 9000) || '-' || "
  f"(1000 + MOD((r.X - 1) * {reg_count} + s.reg_rank, 9000)) END, "
  f"CASE WHEN s.reg_rank >= 0 THEN 2025 - ((r.X - 1) * {reg_count} + s.reg_rank) / 9000 END, "
  f"CASE WHEN s.reg_rank >= 0 THEN 1000 + MOD((r.X - 1) * {reg_count} + s.reg_rank, 9000) END, s.att "
  f"FROM seed_src s JOIN " + (f"generate_series(1, {max(1, max_copies)}) AS r(x)" if PG
                              else f"SYSTEM_RANGE(1, {max(1, max_copies)}) r") + " ON r.X <= s.copies;")
w("CREATE INDEX seed_copy_n ON seed_copy(n);")
# every other id that belongs to a request: its tasks (authorizations, identity links), byte arrays, decisions
w("CREATE TABLE seed_obj(id VARCHAR(64) PRIMARY KEY, pid VARCHAR(64));")
w("INSERT INTO seed_obj SELECT DISTINCT id, pid FROM ("
  "SELECT pid AS id, pid FROM seed_src "
  "UNION SELECT t.ID_, t.PROC_INST_ID_ FROM ACT_HI_TASKINST t JOIN seed_src s ON t.PROC_INST_ID_ = s.pid "
  "UNION SELECT v.BYTEARRAY_ID_, v.PROC_INST_ID_ FROM ACT_RU_VARIABLE v JOIN seed_src s ON v.PROC_INST_ID_ = s.pid "
  "WHERE v.BYTEARRAY_ID_ IS NOT NULL "
  "UNION SELECT v.BYTEARRAY_ID_, v.PROC_INST_ID_ FROM ACT_HI_VARINST v JOIN seed_src s ON v.PROC_INST_ID_ = s.pid "
  "WHERE v.BYTEARRAY_ID_ IS NOT NULL "
  "UNION SELECT d.BYTEARRAY_ID_, d.PROC_INST_ID_ FROM ACT_HI_DETAIL d JOIN seed_src s ON d.PROC_INST_ID_ = s.pid "
  "WHERE d.BYTEARRAY_ID_ IS NOT NULL "
  "UNION SELECT j.EXCEPTION_STACK_ID_, j.PROCESS_INSTANCE_ID_ FROM ACT_RU_JOB j "
  "JOIN seed_src s ON j.PROCESS_INSTANCE_ID_ = s.pid WHERE j.EXCEPTION_STACK_ID_ IS NOT NULL "
  "UNION SELECT d.ID_, d.PROC_INST_ID_ FROM ACT_HI_DECINST d JOIN seed_src s ON d.PROC_INST_ID_ = s.pid"
  ") x WHERE id IS NOT NULL;")


def suffixed(col):
    return f"CASE WHEN t.{col} IS NULL THEN NULL ELSE t.{col} || c.sfx END"


statements = []  # (table, select-from-where without the chunk condition, column list, expressions)
# On H2 the copies are made without the tables' secondary indexes (copy.sh drops them, DATA/indexes-drop.sql, and
# builds them again at the end, DATA/indexes-create.sql): one index built from all rows costs far less than every
# row added to every index. The seeded rows to copy are first put aside in tables of their own (seed_t_<table>),
# found through those indexes while they still exist; the copies then never scan the growing tables.
STAGE = not PG and os.path.exists(f"{data}/indexes-drop.sql")
staging = []


def staged(table, column, ids):
    """The FROM clause of a copy: the table itself, or (STAGE) its seeded rows put aside before the indexes go."""
    if not STAGE:
        return table
    staging.append(f"CREATE TABLE seed_t_{table} AS SELECT * FROM {table} WHERE {column} IN ({ids});")
    return f"seed_t_{table}"


def parents_first(item):
    # PostgreSQL checks foreign keys at each statement's end: byte arrays, executions and tasks go before the rows
    # that point at them (a statement's own rows, an execution's parent among them, are fine)
    return ({"ACT_GE_BYTEARRAY": 0, "ACT_RU_EXECUTION": 1, "ACT_RU_TASK": 2}.get(item[0], 3), item[0])


for table, cols in sorted(columns.items(), key=parents_first):
    if not table.startswith("ACT_") or table.startswith(SKIP):
        continue
    if table in VIA_OBJ:
        source = (f"FROM {staged(table, VIA_OBJ[table], 'SELECT id FROM seed_obj')} t "
                  f"JOIN seed_obj o ON t.{VIA_OBJ[table]} = o.id JOIN seed_copy c ON c.pid = o.pid")
    else:
        key = next((k for k in ("PROC_INST_ID_", "PROCESS_INSTANCE_ID_", "ROOT_PROC_INST_ID_") if k in cols), None)
        if key is None:
            print(f"-- skipped {table}: no process instance column", file=sys.stderr)
            continue
        source = f"FROM {staged(table, key, 'SELECT pid FROM seed_src')} t JOIN seed_copy c ON t.{key} = c.pid"
    exprs = []
    for col in cols:
        if table in VARIABLE_TABLES and col == "TEXT_":
            exprs.append("CASE WHEN t.NAME_ = 'approvalNumber' AND c.new_num IS NOT NULL THEN c.new_num "
                         "WHEN t.NAME_ = 'invitation' AND t.TEXT_ = c.att THEN t.TEXT_ || c.sfx ELSE t.TEXT_ END")
        elif col in REWRITE:
            exprs.append(suffixed(col))
        else:
            exprs.append(f"t.{col}")
    statements.append((table, cols, exprs, source))

# the app's own tables (src/main/resources/db/migration/h2)
APP = {
    "REQUEST_RECORD": {"PROCESS_INSTANCE_ID": "pid"},
    "REQUEST_SUMMARY": {"PROCESS_INSTANCE_ID": "pid",
                        "APPROVAL_NUMBER": "CASE WHEN c.new_num IS NOT NULL AND t.approval_number = c.num "
                                           "THEN c.new_num ELSE t.approval_number END"},
    "STEP_RECORD": {"ID": None, "PROCESS_INSTANCE_ID": "pid", "TASK_ID": "sfx",
                    "VALUES_JSON": "CASE WHEN c.att IS NULL THEN {v} ELSE REPLACE({v}, c.att, c.att || c.sfx) END".format(
                        v="CASE WHEN c.new_num IS NOT NULL THEN REPLACE(t.values_json, c.num, c.new_num) "
                          "ELSE t.values_json END")},
    "APPROVAL_NUMBER": {"ID": "2000000 + (c.n - 1) * %d + (SELECT s.reg_rank FROM seed_src s WHERE s.pid = c.pid)"
                              % reg_count,
                        "PROCESS_INSTANCE_ID": "pid", "NUMBER": "c.new_num", "NUMBER_YEAR": "c.new_year",
                        "NUMBER_SEQUENCE": "c.new_seq"},
    "ATTACHMENT": {"ID": "sfx", "PROCESS_INSTANCE_ID": "pid"},
    "TASK_HANDOVER": {"ID": None, "PROCESS_INSTANCE_ID": "pid", "TASK_ID": "sfx"},
    "REQUEST_URGE": {"ID": None, "PROCESS_INSTANCE_ID": "pid"},
}
for table, rules in APP.items():
    cols = columns.get(table)
    if not cols:
        print(f"-- no table {table}", file=sys.stderr)
        continue
    out_cols, exprs = [], []
    for col in cols:
        rule = rules.get(col, "keep")
        if rule is None:
            continue  # generated
        out_cols.append(col)
        if rule == "keep":
            exprs.append(f"t.{col}")
        elif rule == "pid":
            exprs.append(f"t.{col} || c.sfx")
        elif rule == "sfx":
            exprs.append(f"CASE WHEN t.{col} IS NULL THEN NULL ELSE t.{col} || c.sfx END")
        else:
            exprs.append(rule)
    statements.append((table, out_cols, exprs, f"FROM {staged(table, 'PROCESS_INSTANCE_ID', 'SELECT pid FROM seed_src')} "
                                               f"t JOIN seed_copy c ON t.PROCESS_INSTANCE_ID = c.pid"))

if STAGE:
    sql.extend(staging)
    sql.append(open(f"{data}/indexes-drop.sql").read())

# in chunks of copy numbers, so that no one statement holds millions of rows in one transaction
chunk = max(1, int(sys.argv[6]) if len(sys.argv) > 6 else 20)
for a in range(1, max_copies + 1, chunk):
    b = min(max_copies, a + chunk - 1)
    for table, cols, exprs, source in statements:
        w(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(exprs)} {source} WHERE c.n BETWEEN {a} AND {b};")
w("ALTER SEQUENCE approval_number_seq RESTART WITH 3000000;")
w("DROP TABLE seed_obj; DROP TABLE seed_copy;")
if STAGE:
    w(" ".join(f"DROP TABLE seed_t_{table};" for table, _, _, _ in statements))
    w(open(f"{data}/indexes-create.sql").read())
if PG:
    # the planner's statistics for tables now ten or a hundred times larger
    for table in sorted({t for t, _, _, _ in statements}):
        w(f"ANALYZE {table};")
else:
    w("SET REFERENTIAL_INTEGRITY TRUE;")
print("\n".join(sql))
