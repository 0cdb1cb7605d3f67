-- A step's values and comment were CLOBs; as plain strings they bind the same way on H2 and PostgreSQL
-- (records.StepRecord.LONG_TEXT).
alter table step_record alter column values_json set data type varchar(1000000);
alter table step_record alter column comment set data type varchar(1000000);
