-- A unit's active households counted from the index alone: visit coverage sums these per unit
-- (issue #13, docs/performance.md "Issue 13: coverage at 1,000,000 households").
create index ix_household_unit_active on household (unit_code, retired_at);
