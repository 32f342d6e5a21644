-- Uploaded proofs: metadata, with the type read from the content and a SHA-256 checksum.
create table document (
    id           uuid primary key,
    tenant_id    uuid not null references tenant (id),
    owner_type   varchar(40) not null,  -- named by the owning module, e.g. APPLICATION
    owner_id     uuid not null,
    file_name    varchar(200) not null, -- a label only; never used to decide the type
    content_type varchar(60) not null,
    size_bytes   bigint not null,
    sha256       varchar(64) not null,
    created_at   timestamp with time zone not null,
    created_by   varchar(60) not null
);
create index document_owner_idx on document (tenant_id, owner_type, owner_id);

-- The bytes, for the default database DocumentStore (bytea: H2 in PostgreSQL mode and PostgreSQL alike).
create table document_content (
    id        uuid primary key,
    tenant_id uuid not null,
    content   bytea not null
);
create index document_content_tenant_idx on document_content (tenant_id);
