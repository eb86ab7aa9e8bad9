-- Sending the outbox from every node: a node claims a due row for a lease (claimed_by, claimed_until), sends it
-- and marks it sent; a failed attempt waits until next_attempt_at. Portable SQL for H2 2.x and PostgreSQL.

alter table notification add column next_attempt_at timestamp with time zone;
alter table notification add column claimed_by varchar(100);
alter table notification add column claimed_until timestamp with time zone;
alter table notification add column last_error varchar(1000);
update notification set next_attempt_at = created_at;
alter table notification alter column next_attempt_at set not null;

-- The poll: status = 'PENDING' and next_attempt_at <= now, oldest first.
drop index ix_notification_status;
create index ix_notification_due on notification (status, next_attempt_at);
