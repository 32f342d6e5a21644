-- The PDF of every letter sent, so that the citizen can read it again in the portal (module letters).
create table letter_sent_pdf (
    letter_id uuid primary key references letter_sent (id),
    tenant_id uuid not null,
    pdf       bytea not null
);
