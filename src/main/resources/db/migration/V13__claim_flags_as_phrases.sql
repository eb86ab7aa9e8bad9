-- A claim's flags are kept as phrases (a key and its facts as JSON, support/Phrase), about twice as long as the
-- English sentences were: a claim of 100 foreign items, each with a stale rate and a receipt seen before, needs room.
alter table expense_claim alter column flags set data type varchar(100000);
