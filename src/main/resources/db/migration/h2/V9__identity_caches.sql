-- H2 hands out an identity column's ids from a cache of 32; each time it runs out it writes the new high-water mark
-- in a commit of its own, which with WRITE_DELAY=0 is a store to disk of every page changed so far. Opening a term
-- review for 10,000 teachers writes 10,000 step records in two workers at once: a tenth of its time went there
-- (bench/term-review-campaign). A cache of 1,000 takes those commits down to one per thousand rows. After a crash the
-- next ids may skip up to a thousand; nothing reads meaning into these ids.
alter table step_record alter column id set cache 1000;
alter table notification alter column id set cache 1000;
alter table directory_change alter column id set cache 1000;
alter table request_urge alter column id set cache 1000;
alter table task_handover alter column id set cache 1000;
alter table term_result alter column id set cache 1000;
alter table study_progress alter column id set cache 1000;
alter table lesson_observation alter column id set cache 1000;
alter table research_activity alter column id set cache 1000;
alter table term_review_campaign alter column id set cache 1000;
