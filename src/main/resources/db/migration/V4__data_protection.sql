-- Data protection: a company whose personal data was anonymised on its request, once the retention period of its
-- de minimis records had passed. The row stays, so that payments and aid records keep their company.
alter table company add column anonymised_at timestamp with time zone;
