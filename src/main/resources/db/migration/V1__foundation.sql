-- ClusterCalls foundation: clusters, companies and their memberships and aid, calls, applications,
-- audit trail and notification outbox. Portable SQL for H2 2.x and PostgreSQL.

create table cluster_organisation (
    id          varchar(64)  primary key,
    name        varchar(200) not null,
    country     varchar(2)     not null
);

create sequence company_seq start with 1 increment by 50;
create table company (
    id                  bigint        primary key,
    legal_name          varchar(200)  not null,
    vat_number          varchar(20)   not null,
    country             varchar(2)      not null,
    city                varchar(100)  not null,
    nace_code           varchar(10)   not null,
    staff_headcount     numeric(9,2)  not null,
    annual_turnover     numeric(15,2) not null,
    balance_sheet_total numeric(15,2) not null,
    enterprise_type     varchar(20)   not null,
    created_at          timestamp with time zone not null,
    constraint uk_company_vat unique (vat_number)
);

create table company_related_enterprise (
    company_id          bigint        not null references company (id),
    position            integer       not null,
    name                varchar(200)  not null,
    relation            varchar(10)   not null,
    share_percent       numeric(5,2)  not null,
    staff_headcount     numeric(9,2)  not null,
    annual_turnover     numeric(15,2) not null,
    balance_sheet_total numeric(15,2) not null,
    primary key (company_id, position)
);

create table company_contact (
    company_id bigint       not null references company (id),
    username   varchar(100) not null,
    primary key (company_id, username)
);
create index ix_company_contact_username on company_contact (username);

create sequence membership_seq start with 1 increment by 50;
create table membership (
    id            bigint      primary key,
    company_id    bigint      not null references company (id),
    cluster_id    varchar(64) not null references cluster_organisation (id),
    member_number varchar(40) not null,
    valid_from    date        not null,
    valid_until   date,
    constraint uk_membership unique (company_id, cluster_id)
);

create sequence aid_record_seq start with 1 increment by 50;
create table aid_record (
    id            bigint        primary key,
    company_id    bigint        not null references company (id),
    granted_on    date          not null,
    amount        numeric(15,2) not null,
    granting_body varchar(200)  not null,
    source        varchar(20)   not null,
    reference     varchar(100)
);
create index ix_aid_record_company on aid_record (company_id, granted_on);

create sequence funding_call_seq start with 1 increment by 50;
create table funding_call (
    id                    bigint        primary key,
    cluster_id            varchar(64)   not null references cluster_organisation (id),
    eu_project            varchar(100)  not null,
    title                 varchar(200)  not null,
    description           varchar(4000),
    activity_type         varchar(30)   not null,
    destination_city      varchar(100)  not null,
    destination_country   varchar(2)      not null,
    destination_latitude  numeric(9,6),
    destination_longitude numeric(9,6),
    activity_start        date          not null,
    activity_end          date          not null,
    opens_on              date          not null,
    closes_at             timestamp with time zone not null,
    slots                 integer       not null,
    max_grant             numeric(15,2) not null,
    reimbursement_model   varchar(30)   not null,
    members_only          boolean       not null,
    de_minimis_applies    boolean       not null,
    status                varchar(20)   not null,
    drafted_by            varchar(100)  not null,
    reviewed_by           varchar(100),
    review_comment        varchar(2000),
    process_instance_id   varchar(64),
    created_at            timestamp with time zone not null,
    published_at          timestamp with time zone,
    closed_at             timestamp with time zone,
    version               bigint        not null
);
create index ix_funding_call_status on funding_call (status, closes_at);

create sequence application_seq start with 1 increment by 50;
create table application (
    id                          bigint        primary key,
    call_id                     bigint        not null references funding_call (id),
    company_id                  bigint        not null references company (id),
    tenant_id                   varchar(64)   not null,
    submitted_by                varchar(100)  not null,
    submitted_at                timestamp with time zone not null,
    motivation                  varchar(4000) not null,
    target_markets              varchar(500)  not null,
    export_experience           varchar(2000) not null,
    requested_amount            numeric(15,2) not null,
    declares_sme_status         boolean       not null,
    declares_de_minimis         boolean       not null,
    declares_no_double_funding  boolean       not null,
    declares_data_protection    boolean       not null,
    status                      varchar(30)   not null,
    auto_eligible               boolean,
    eligible                    boolean,
    eligibility_decided_by      varchar(100),
    eligibility_decided_at      timestamp with time zone,
    decision_reason             varchar(2000),
    process_instance_id         varchar(64),
    version                     bigint        not null
);
create index ix_application_call_company on application (call_id, company_id);
create index ix_application_company on application (company_id);

create table application_participant (
    application_id bigint       not null references application (id),
    position       integer      not null,
    full_name      varchar(200) not null,
    job_title      varchar(200) not null,
    primary key (application_id, position)
);

create table application_eligibility_reason (
    application_id bigint        not null references application (id),
    position       integer       not null,
    code           varchar(60)   not null,
    message        varchar(1000) not null,
    primary key (application_id, position)
);

create sequence clarification_request_seq start with 1 increment by 50;
create table clarification_request (
    id             bigint        primary key,
    application_id bigint        not null references application (id),
    question       varchar(2000) not null,
    requested_by   varchar(100)  not null,
    requested_at   timestamp with time zone not null,
    due_at         timestamp with time zone not null,
    answer         varchar(4000),
    answered_by    varchar(100),
    answered_at    timestamp with time zone,
    expired        boolean       not null
);
create index ix_clarification_application on clarification_request (application_id);

-- Append-only: the application has no update or delete path for it.
create sequence audit_event_seq start with 1 increment by 50;
create table audit_event (
    id          bigint        primary key,
    occurred_at timestamp with time zone not null,
    actor       varchar(100)  not null,
    action      varchar(60)   not null,
    entity_type varchar(40)   not null,
    entity_id   varchar(64)   not null,
    tenant_id   varchar(64),
    decision    varchar(200),
    reason      varchar(4000)
);
create index ix_audit_event_entity on audit_event (entity_type, entity_id, occurred_at);

-- Outbox: written in the same transaction as the change that causes it; a later job sends it.
create sequence notification_seq start with 1 increment by 50;
create table notification (
    id          bigint        primary key,
    created_at  timestamp with time zone not null,
    tenant_id   varchar(64),
    recipient   varchar(100)  not null,
    type        varchar(60)   not null,
    entity_type varchar(40)   not null,
    entity_id   varchar(64)   not null,
    subject     varchar(300)  not null,
    body        varchar(4000) not null,
    status      varchar(20)   not null,
    attempts    integer       not null,
    sent_at     timestamp with time zone
);
create index ix_notification_status on notification (status, created_at);
