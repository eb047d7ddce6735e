-- The demo county's supervision office oversees the whole county.
update department set county_wide = true where code = 'supervision';
