-- Mail in the recipient's language, with attachments, and a mail catcher for installations without SMTP.
-- Portable SQL for H2 2.x and PostgreSQL.

-- The language a user reads mail in (en, es, ca): chosen at sign-up and with the portal's language switch.
create table user_language (
    user_id  varchar(100) primary key,
    language varchar(5)   not null
);

alter table notification add column language varchar(5);
update notification set language = 'en';
alter table notification alter column language set not null;
-- Bodies in three languages with a footer are longer than the first English texts.
alter table notification alter column body set data type varchar(10000);
-- A stored document sent with the message (the award letter's PDF).
alter table notification add column attachment_document_id bigint;

-- Without an SMTP server (the embedded default) the outbox "sends" into this table, read on /dashboard/mail.
create table caught_mail (
    notification_id bigint        primary key references notification (id) on delete cascade,
    message_id      varchar(300)  not null,
    to_address      varchar(300)  not null,
    subject         varchar(300)  not null,
    mime            bytea         not null,
    caught_at       timestamp with time zone not null
);

-- A task that became overdue is announced once to its group, by whichever node sees it first.
create table overdue_notice (
    task_id    varchar(64) primary key,
    noticed_at timestamp with time zone not null
);
