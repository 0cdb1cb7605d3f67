-- Nothing to change on PostgreSQL: a step's values and comment have been text columns from V1 (see the H2 script).
select 1;
