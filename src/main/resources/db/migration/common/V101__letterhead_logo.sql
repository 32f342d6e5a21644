-- The municipality's logo for the letterhead (module letters). One row per tenant at most; no row, no logo.
-- The letters use the PNG; an uploaded SVG is kept too, drawn to that PNG once when it was accepted.
create table letterhead_logo (
    tenant_id     uuid primary key references tenant (id),
    uploaded_type varchar(30) not null,     -- image/png or image/svg+xml, as read from the content
    uploaded      bytea not null,           -- the file as uploaded (checked: at most 200 kB)
    png           bytea not null,           -- what the letters print
    width         integer not null,
    height        integer not null,
    updated_at    timestamp with time zone not null,
    updated_by    varchar(60) not null
);
