-- Letter templates edited by a municipality; each save is a new revision (history is kept). A template
-- without rows here is the shipped default from the classpath (revision 0).
create table letter_template (
    id         uuid primary key,
    tenant_id  uuid not null references tenant (id),
    code       varchar(60) not null,
    language   varchar(2) not null,
    revision   integer not null,
    subject    varchar(200) not null,
    body       varchar(20000) not null,
    legal      varchar(10000) not null,
    created_at timestamp with time zone not null,
    created_by varchar(60) not null,
    constraint letter_template_revision_unique unique (tenant_id, code, language, revision)
);

