-- Which categories Open311's public listing may show (GET /open311/v2/requests). Infrastructure that
-- anyone can see from the street is public; police matters, disputes, welfare and housing cases carry
-- personal data and are never listed. A county changes the flags with an UPDATE (docs/api.md, Open311).
alter table case_category add column publicly_listed boolean default false not null;
update case_category set publicly_listed = true
  where code in ('road_damage', 'streetlight', 'water_supply', 'drainage', 'power_outage', 'sanitation',
                 'illegal_construction');
