-- Issue 20: a company keeps its figures up to date; each change is a new revision of its figures, and each
-- application keeps the revision it was submitted and decided with.
alter table company add column address varchar(200);
alter table company add column reference_year integer;
alter table company add column figures_revision integer default 1 not null;

create table company_figures (
    company_id          bigint        not null references company (id),
    revision            integer       not null,
    valid_from          timestamp with time zone not null,
    reference_year      integer,
    staff_headcount     numeric(9,2)  not null,
    annual_turnover     numeric(15,2) not null,
    balance_sheet_total numeric(15,2) not null,
    enterprise_type     varchar(20)   not null,
    primary key (company_id, revision)
);

create table company_figures_related (
    company_id          bigint        not null,
    revision            integer       not null,
    position            integer       not null,
    name                varchar(200)  not null,
    relation            varchar(10)   not null,
    share_percent       numeric(5,2)  not null,
    staff_headcount     numeric(9,2)  not null,
    annual_turnover     numeric(15,2) not null,
    balance_sheet_total numeric(15,2) not null,
    primary key (company_id, revision, position),
    constraint fk_company_figures_related foreign key (company_id, revision)
        references company_figures (company_id, revision)
);

-- Revision 1 of every company: its figures as they are, declared when it signed up (never changed until now).
insert into company_figures (company_id, revision, valid_from, reference_year, staff_headcount, annual_turnover,
        balance_sheet_total, enterprise_type)
    select id, 1, created_at, null, staff_headcount, annual_turnover, balance_sheet_total, enterprise_type
    from company;
insert into company_figures_related (company_id, revision, position, name, relation, share_percent, staff_headcount,
        annual_turnover, balance_sheet_total)
    select company_id, 1, position, name, relation, share_percent, staff_headcount, annual_turnover,
        balance_sheet_total
    from company_related_enterprise;

-- Every application so far was submitted, and if decided, decided with revision 1.
alter table application add column figures_revision integer;
update application set figures_revision = 1;
alter table application alter column figures_revision set not null;
alter table application add constraint fk_application_figures foreign key (company_id, figures_revision)
    references company_figures (company_id, revision);
