-- Failed sign-ins, counted by security/SignInThrottle on every node: per user name at a client address (kind 'U')
-- and per client address whatever the user name (kind 'C', user_name ''). Portable SQL for H2 2.x and PostgreSQL.
create table sign_in_failure (
    kind            char(1)      not null,
    user_name       varchar(100) not null,
    client          varchar(64)  not null,
    failures        integer      not null,
    last_failure_at timestamp with time zone not null,
    primary key (kind, user_name, client)
);

-- Old failures are forgotten.
create index sign_in_failure_last on sign_in_failure (last_failure_at);
