-- ShedLock's table (its documented DDL): a @Scheduled job takes its row before running, so with several nodes
-- on one database each job runs on one node at a time (database.ScheduledJobLocks).
create table shedlock (
    name varchar(64) not null,
    lock_until timestamp not null,
    locked_at timestamp not null,
    locked_by varchar(255) not null,
    primary key (name)
);
