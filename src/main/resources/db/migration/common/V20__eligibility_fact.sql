-- Facts about a citizen's household recorded for the rights check: append-only, the latest row per
-- name is in force, earlier rows are the history (who recorded what, when, from which source).
create table eligibility_fact (
    id           uuid primary key,
    tenant_id    uuid not null,
    person_id    uuid not null,
    name         varchar(100) not null,
    fact_value   varchar(200) not null,
    source       varchar(20) not null, -- CLIENT, DOCUMENT, WORKER
    recorded_by  varchar(60) not null,
    recorded_at  timestamp with time zone not null
);
create index eligibility_fact_person_idx on eligibility_fact (tenant_id, person_id, name, recorded_at);
