-- Append-only log of every read and write of personal data.
create table audit_event (
    id           uuid primary key,
    tenant_id    uuid not null,
    occurred_at  timestamp with time zone not null,
    user_id      uuid,
    username     varchar(60) not null,
    action       varchar(20) not null, -- READ, SEARCH, CREATE, UPDATE, DELETE, EXPORT
    entity_type  varchar(40) not null,
    entity_id    uuid,
    detail       varchar(1000),
    channel      varchar(10) not null  -- UI, API, SYSTEM
);
create index audit_event_entity_idx on audit_event (tenant_id, entity_type, entity_id, occurred_at);
create index audit_event_user_idx on audit_event (tenant_id, user_id, occurred_at);
