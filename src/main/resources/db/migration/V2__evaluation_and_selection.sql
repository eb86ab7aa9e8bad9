-- Evaluation and selection: each call's rubric, evaluators per application and budget; evaluations with their
-- scores per criterion; final scores, ranking and selection of applications.

alter table funding_call add column evaluators_per_application integer default 2 not null;
alter table funding_call add column score_threshold numeric(6,2) default 15 not null;
alter table funding_call add column budget numeric(15,2);

create table call_criterion (
    call_id    bigint       not null references funding_call (id),
    position   integer      not null,
    code       varchar(40)  not null,
    name       varchar(200) not null,
    max_points integer      not null,
    primary key (call_id, position)
);
-- Calls drafted before rubrics existed get the default rubric (25 points, threshold 15).
insert into call_criterion (call_id, position, code, name, max_points)
    select id, 0, 'RELEVANCE', 'Relevance of the target market', 10 from funding_call;
insert into call_criterion (call_id, position, code, name, max_points)
    select id, 1, 'READINESS', 'Internationalisation readiness', 10 from funding_call;
insert into call_criterion (call_id, position, code, name, max_points)
    select id, 2, 'REPRESENTATION', 'Quality of the company''s representation', 5 from funding_call;

alter table application add column complete_at timestamp with time zone;
alter table application add column final_score numeric(6,2);
alter table application add column final_score_by varchar(100);
alter table application add column final_score_reason varchar(2000);
alter table application add column ranking integer;
alter table application add column selection varchar(20);
alter table application add column selection_reason varchar(2000);
alter table application add column confirmation_due_at timestamp with time zone;
create index ix_application_call_status on application (call_id, status);

create sequence evaluation_seq start with 1 increment by 50;
create table evaluation (
    id              bigint       primary key,
    application_id  bigint       not null references application (id),
    call_id         bigint       not null references funding_call (id),
    tenant_id       varchar(64)  not null,
    slot            integer      not null,
    evaluator       varchar(100) not null,
    assigned_at     timestamp with time zone not null,
    conflict        boolean      not null,
    conflict_reason varchar(2000),
    submitted_at    timestamp with time zone,
    total           integer,
    comment         varchar(4000),
    version         bigint       not null
);
create index ix_evaluation_application on evaluation (application_id);
create index ix_evaluation_call_evaluator on evaluation (call_id, evaluator);

create table evaluation_score (
    evaluation_id bigint      not null references evaluation (id),
    criterion     varchar(40) not null,
    points        integer     not null,
    primary key (evaluation_id, criterion)
);
