-- Nothing to change on PostgreSQL: its sequences hand out ids without a commit of their own (see the H2 script).
select 1;
