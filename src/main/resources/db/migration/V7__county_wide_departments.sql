-- A department whose staff oversee every case of the county (县政府督查室, the supervision office): its
-- group and its offices' groups see all cases, in the staff API, the open-case list and Cockpit. A
-- county marks its own with an UPDATE or the organisation workbook; the demo marks 'supervision'.
alter table department add column county_wide boolean default false not null;
