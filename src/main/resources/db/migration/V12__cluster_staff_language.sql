-- Each cluster's staff working language: its task forms and their views are shown in it (a group task is seen by
-- several people before one claims it, so the language is the cluster's, not a person's). en, es or ca.
alter table cluster_organisation add column staff_language varchar(8) default 'en' not null;
