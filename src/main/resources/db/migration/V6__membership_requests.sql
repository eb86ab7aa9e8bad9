-- Sign-up: the membership a company claims is confirmed (or rejected, with a reason) by a call manager of the
-- cluster before it counts. Portable SQL for H2 2.x and PostgreSQL.

create sequence membership_request_seq start with 1 increment by 50;
create table membership_request (
    id            bigint        primary key,
    company_id    bigint        not null references company (id),
    cluster_id    varchar(64)   not null references cluster_organisation (id),
    member_number varchar(40)   not null,
    requested_at  timestamp with time zone not null,
    status        varchar(20)   not null,
    decided_by    varchar(100),
    decided_at    timestamp with time zone,
    reason        varchar(2000)
);
-- The dashboard's list: a cluster's pending requests, oldest first.
create index ix_membership_request_cluster on membership_request (cluster_id, status, requested_at);
create index ix_membership_request_company on membership_request (company_id);
