-- The records one audit event is about when it concerns several at once (the hits of a search, the
-- citizens found by a batch lookup): one narrow row each, so every record's trail finds the event (ADR 0011).
-- No foreign key: the log is append-only and written in bulk, a key would only add a locked read per row.
create table audit_event_subject (
    tenant_id uuid not null,
    event_id  uuid not null,
    entity_id uuid not null
);
create index audit_event_subject_entity_idx on audit_event_subject (tenant_id, entity_id);
