-- Wrong tracking codes counted per case (or dispute) and per client address, in fixed windows, so that a
-- lookup or a rating is refused (429) after too many, on every node alike (GuessThrottle).
create table code_guess (
  scope         varchar(120) not null primary key,
  window_start  datetime(3)  not null,
  failures      int          not null
);
