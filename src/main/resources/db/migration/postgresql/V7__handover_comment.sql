-- 转办: a person hands a waiting step to another with a reason in her own words (tasklist.HandOvers); the
-- automatic hand-overs (the directory changed) keep only their message key in "reason"
alter table task_handover add column comment varchar(1000);
