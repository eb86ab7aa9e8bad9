-- An evaluator's work on an application that was withdrawn before the evaluation was in ends: released_at says when.
alter table evaluation add column released_at timestamp with time zone;

-- Files an SME sends with the answer to a clarification request. Such a document belongs to the request (and so to
-- its application); a document still belongs to exactly one claim, application, claim's draft (V14) or clarification request.
-- Portable SQL for H2 2.x and PostgreSQL.
alter table stored_document add column clarification_request_id bigint;
alter table stored_document add constraint fk_stored_document_clarification
    foreign key (clarification_request_id) references clarification_request (id);
alter table stored_document drop constraint ck_stored_document_owner;
alter table stored_document add constraint ck_stored_document_owner
    check ((claim_id is not null and application_id is null and draft_claim_id is null
            and clarification_request_id is null)
        or (claim_id is null and application_id is not null and draft_claim_id is null
            and clarification_request_id is null)
        or (claim_id is null and application_id is null and draft_claim_id is not null and draft_part is not null
            and clarification_request_id is null)
        or (claim_id is null and application_id is null and draft_claim_id is null
            and clarification_request_id is not null));
create index ix_stored_document_clarification on stored_document (clarification_request_id);
