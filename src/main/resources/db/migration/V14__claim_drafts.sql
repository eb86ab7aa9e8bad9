-- An SME's unfinished expense claim: the form's values as JSON, one draft per claim, deleted when the claim is sent.
-- Files of the draft are kept as documents of it (draft_claim_id, with the form's field in draft_part) until the claim
-- is sent, when they become the claim's. Portable SQL for H2 2.x and PostgreSQL.

create sequence claim_draft_seq start with 1 increment by 50;
create table claim_draft (
    id          bigint         primary key,
    claim_id    bigint         not null references expense_claim (id),
    username    varchar(100)   not null,
    content     varchar(20000) not null,
    saved_at    timestamp with time zone not null,
    constraint uq_claim_draft unique (claim_id)
);

alter table stored_document add column draft_claim_id bigint;
alter table stored_document add column draft_part varchar(60);
alter table stored_document add constraint fk_stored_document_draft_claim
    foreign key (draft_claim_id) references expense_claim (id);
alter table stored_document drop constraint ck_stored_document_owner;
alter table stored_document add constraint ck_stored_document_owner
    check ((claim_id is not null and application_id is null and draft_claim_id is null)
        or (claim_id is null and application_id is not null and draft_claim_id is null)
        or (claim_id is null and application_id is null and draft_claim_id is not null and draft_part is not null));
create index ix_stored_document_draft_claim on stored_document (draft_claim_id);
