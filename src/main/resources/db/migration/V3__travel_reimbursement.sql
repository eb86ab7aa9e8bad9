-- Travel reimbursement: costs a call does not reimburse, where companies are (for distance bands), the clusters'
-- bank accounts, exchange rates, expense claims with their items and documents, payments.

create table call_excluded_expense (
    call_id  bigint      not null references funding_call (id),
    category varchar(30) not null,
    primary key (call_id, category)
);

alter table company add column latitude numeric(9,6);
alter table company add column longitude numeric(9,6);

alter table cluster_organisation add column bank_account_name varchar(70);
alter table cluster_organisation add column iban varchar(34);
alter table cluster_organisation add column bic varchar(11);

-- Reference rates as the ECB publishes them: units of the currency for one euro, valid from that day on.
create table exchange_rate (
    currency       varchar(3)     not null,
    valid_on       date           not null,
    units_per_euro numeric(18,6)  not null,
    primary key (currency, valid_on)
);
insert into exchange_rate (currency, valid_on, units_per_euro) values
    ('USD', date '2025-01-02', 1.035000), ('USD', date '2025-07-01', 1.178800), ('USD', date '2026-01-02', 1.172500),
    ('GBP', date '2025-01-02', 0.829800), ('GBP', date '2025-07-01', 0.859500), ('GBP', date '2026-01-02', 0.871200),
    ('CHF', date '2025-01-02', 0.939800), ('CHF', date '2025-07-01', 0.935000), ('CHF', date '2026-01-02', 0.929300),
    ('CAD', date '2025-01-02', 1.489300), ('CAD', date '2025-07-01', 1.604200), ('CAD', date '2026-01-02', 1.611400),
    ('JPY', date '2025-01-02', 163.120000), ('JPY', date '2025-07-01', 169.660000), ('JPY', date '2026-01-02', 183.510000),
    ('CNY', date '2025-01-02', 7.573800), ('CNY', date '2025-07-01', 8.432900), ('CNY', date '2026-01-02', 8.214400),
    ('MXN', date '2025-01-02', 21.472800), ('MXN', date '2025-07-01', 22.027300), ('MXN', date '2026-01-02', 21.130000);

create sequence expense_claim_seq start with 1 increment by 50;
create table expense_claim (
    id                    bigint        primary key,
    application_id        bigint        not null references application (id),
    call_id               bigint        not null references funding_call (id),
    company_id            bigint        not null references company (id),
    tenant_id             varchar(64)   not null,
    status                varchar(20)   not null,
    due_at                timestamp with time zone not null,
    reminded_at           timestamp with time zone,
    submitted_by          varchar(100),
    submitted_at          timestamp with time zone,
    mission_report        varchar(4000),
    days_attended         integer,
    iban                  varchar(34),
    account_holder        varchar(70),
    claimed_amount        numeric(15,2),
    computed_amount       numeric(15,2),
    computation           varchar(4000),
    flags                 varchar(4000),
    verified_by           varchar(100),
    verified_at           timestamp with time zone,
    verification_decision varchar(20),
    verified_amount       numeric(15,2),
    verification_reason   varchar(2000),
    approved_by           varchar(100),
    approved_at           timestamp with time zone,
    process_instance_id   varchar(64),
    version               bigint        not null,
    constraint uk_expense_claim_application unique (application_id)
);

create sequence stored_document_seq start with 1 increment by 50;
create table stored_document (
    id           bigint        primary key,
    claim_id     bigint        not null references expense_claim (id),
    purpose      varchar(20)   not null,
    file_name    varchar(200)  not null,
    content_type varchar(50)   not null,
    size_bytes   bigint        not null,
    sha256       varchar(64)   not null,
    content      bytea         not null,
    uploaded_by  varchar(100)  not null,
    uploaded_at  timestamp with time zone not null
);
create index ix_stored_document_sha256 on stored_document (sha256);
create index ix_stored_document_claim on stored_document (claim_id);

create sequence expense_item_seq start with 1 increment by 50;
create table expense_item (
    id                  bigint        primary key,
    claim_id            bigint        not null references expense_claim (id),
    position            integer       not null,
    category            varchar(30)   not null,
    description         varchar(500)  not null,
    amount              numeric(15,2) not null,
    currency            varchar(3)    not null,
    expense_date        date          not null,
    units_per_euro      numeric(18,6) not null,
    rate_date           date          not null,
    amount_eur          numeric(15,2) not null,
    receipt_document_id bigint        references stored_document (id),
    eligible            boolean       not null,
    ineligible_reason   varchar(500),
    verified_amount_eur numeric(15,2),
    reduction_reason    varchar(2000)
);
create index ix_expense_item_claim on expense_item (claim_id);

create sequence payment_seq start with 1 increment by 50;
create table payment (
    id                bigint        primary key,
    reference         varchar(35)   not null,
    claim_id          bigint        not null references expense_claim (id),
    tenant_id         varchar(64)   not null,
    amount            numeric(15,2) not null,
    creditor_name     varchar(70)   not null,
    creditor_iban     varchar(34)   not null,
    execution_date    date          not null,
    file_name         varchar(200)  not null,
    verified_by       varchar(100)  not null,
    approved_by       varchar(100)  not null,
    executed_at       timestamp with time zone not null,
    constraint uk_payment_reference unique (reference),
    constraint uk_payment_claim unique (claim_id),
    constraint ck_payment_four_eyes check (verified_by <> approved_by)
);
