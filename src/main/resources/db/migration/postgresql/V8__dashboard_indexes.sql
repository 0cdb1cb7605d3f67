-- The office dashboard finds trips under way and coming back by their start date within the last year
-- (records.RequestOverviews.LONGEST_TRIP): reads this year's trips, not every trip in the school's history.
create index request_summary_trip_start on request_summary (process_key, start_date);

-- Requests waiting longest first (the dashboard's approvals, reviews, reimbursements): a page is read off this
-- index in order instead of sorting every waiting request (dashboard.OfficeDashboard).
create index request_summary_waiting on request_summary (process_key, state, waiting_since, step, process_instance_id);
