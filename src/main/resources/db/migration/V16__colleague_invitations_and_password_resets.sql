-- A company's user invites a colleague by e-mail, and an SME user resets a forgotten password by a mailed link.
-- Both links are single-use and expire; their tokens are kept only as SHA-256 hashes (as sign-up links are).
-- Portable SQL for H2 2.x and PostgreSQL.

create sequence colleague_invitation_seq start with 1 increment by 50;
create table colleague_invitation (
    id           bigint       primary key,
    company_id   bigint       not null references company (id),
    email        varchar(200) not null,
    invited_by   varchar(100) not null,
    token_hash   varchar(64)  not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    -- Set when the colleague joins or a user of the company cancels it: the link works no more.
    closed_at    timestamp with time zone,
    constraint uk_colleague_invitation_token unique (token_hash)
);
create index ix_colleague_invitation_company on colleague_invitation (company_id);

create sequence password_reset_seq start with 1 increment by 50;
create table password_reset (
    id          bigint      primary key,
    user_id     varchar(100) not null,
    token_hash  varchar(64) not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    -- Set when the link is used, or when another link of the user is: every outstanding link stops at once.
    used_at     timestamp with time zone,
    constraint uk_password_reset_token unique (token_hash)
);
create index ix_password_reset_user on password_reset (user_id);
