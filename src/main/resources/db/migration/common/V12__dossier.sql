-- The shared follow-up file. One owner (null while unassigned); steps are append-only; shares and
-- owner/status changes keep their history. owner_seen_at marks up to when the owner has seen partner steps.
create table dossier (
    id                  uuid primary key,
    tenant_id           uuid not null references tenant (id),
    person_id           uuid not null references person (id),
    owner_id            uuid references app_user (id),
    status              varchar(20) not null,
    close_reason        varchar(500),
    life_domains        varchar(400) not null default '',
    opened_from_contact uuid,
    opened_at           timestamp with time zone not null,
    opened_by           varchar(60) not null,
    last_activity_at    timestamp with time zone not null,
    owner_seen_at       timestamp with time zone not null,
    version             bigint not null default 0
);
create index dossier_owner_idx on dossier (tenant_id, owner_id, last_activity_at);
create index dossier_person_idx on dossier (tenant_id, person_id);

create table dossier_step (
    id                uuid primary key,
    tenant_id         uuid not null,
    dossier_id        uuid not null references dossier (id),
    kind              varchar(20) not null,
    visibility        varchar(10) not null, -- INTERNAL or SHARED
    body              varchar(4000) not null,
    author_id         uuid,
    author_name       varchar(200) not null,
    organisation_id   uuid,
    organisation_name varchar(200),
    by_partner        boolean not null,
    occurred_on       date not null,
    created_at        timestamp with time zone not null
);
create index dossier_step_dossier_idx on dossier_step (dossier_id, created_at);

create table dossier_share (
    id              uuid primary key,
    tenant_id       uuid not null,
    dossier_id      uuid not null references dossier (id),
    organisation_id uuid not null references organisation (id),
    purpose         varchar(500) not null,
    started_at      timestamp with time zone not null,
    started_by      varchar(60) not null,
    ended_at        timestamp with time zone,
    ended_by        varchar(60)
);
create index dossier_share_org_idx on dossier_share (tenant_id, organisation_id, ended_at);
create index dossier_share_dossier_idx on dossier_share (dossier_id);

-- History of owners and statuses: who changed what, when.
create table dossier_change (
    id          uuid primary key,
    tenant_id   uuid not null,
    dossier_id  uuid not null references dossier (id),
    what        varchar(20) not null, -- OWNER or STATUS
    old_value   varchar(100),
    new_value   varchar(100),
    reason      varchar(500),
    changed_at  timestamp with time zone not null,
    changed_by  varchar(60) not null
);
create index dossier_change_dossier_idx on dossier_change (dossier_id, changed_at);
