-- An SME's unfinished application: the form's answers as JSON, one draft per company and call, deleted when the
-- application is submitted. Portable SQL for H2 2.x and PostgreSQL (varchar rather than text, which H2 reads as a CLOB).

create sequence application_draft_seq start with 1 increment by 50;
create table application_draft (
    id          bigint         primary key,
    company_id  bigint         not null references company (id),
    call_id     bigint         not null references funding_call (id),
    username    varchar(100)   not null,
    content     varchar(20000) not null,
    saved_at    timestamp with time zone not null,
    constraint uq_application_draft unique (company_id, call_id)
);
