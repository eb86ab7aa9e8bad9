-- Sign-up confirmed by e-mail: the form waits here until the person opens the link mailed to the address it gives,
-- so that the portal's answer never tells whether a user name or a VAT number is known. The link's token is kept
-- only as its SHA-256 hash, the password only as the engine's salted hash; rows past expires_at are purged.
-- Portable SQL for H2 2.x and PostgreSQL.

create sequence sign_up_request_seq start with 1 increment by 50;
create table sign_up_request (
    id            bigint         primary key,
    token_hash    varchar(64)    not null,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    -- The form as JSON, without the password.
    form          varchar(20000) not null,
    password_salt varchar(255)   not null,
    password_hash varchar(255)   not null,
    constraint uk_sign_up_request_token unique (token_hash)
);
create index ix_sign_up_request_expiry on sign_up_request (expires_at);

-- Mail to a person who is no user yet (the sign-up's link) names their e-mail address as its recipient.
alter table notification alter column recipient set data type varchar(300);
alter table notification add column recipient_is_address boolean default false not null;
