-- Documents of an application, not only of an expense claim: the award letter as sent, as a PDF. A document belongs
-- to exactly one claim or one application. An application has one document of each purpose (one award letter:
-- a retried send finds it and stores no second one). Portable SQL for H2 2.x and PostgreSQL; NULLs are distinct
-- in a unique constraint on both, so claim documents (no application) never collide.

alter table stored_document alter column claim_id drop not null;
alter table stored_document add column application_id bigint;
alter table stored_document add constraint fk_stored_document_application
    foreign key (application_id) references application (id);
alter table stored_document add constraint ck_stored_document_owner
    check ((claim_id is not null and application_id is null) or (claim_id is null and application_id is not null));
alter table stored_document add constraint uk_stored_document_application_purpose unique (application_id, purpose);
