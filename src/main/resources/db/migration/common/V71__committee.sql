-- How a right is decided in a municipality: by the social committee (BCSD) in a session, or by a
-- delegated staff member. No row means BCSD. Changes are kept in decision_route_change.
create table decision_route (
    tenant_id  uuid not null references tenant (id),
    right_id   varchar(100) not null,
    route      varchar(20) not null,
    changed_at timestamp with time zone not null,
    changed_by varchar(60) not null,
    primary key (tenant_id, right_id)
);
create table decision_route_change (
    id         uuid primary key,
    tenant_id  uuid not null,
    right_id   varchar(100) not null,
    route      varchar(20) not null,
    changed_at timestamp with time zone not null,
    changed_by varchar(60) not null
);

create table committee_session (
    id         uuid primary key,
    tenant_id  uuid not null references tenant (id),
    committee  varchar(10) not null,
    held_on    date not null,
    members    varchar(2000) not null,
    status     varchar(20) not null,
    created_at timestamp with time zone not null,
    created_by varchar(60) not null,
    version    bigint not null default 0
);
create index committee_session_idx on committee_session (tenant_id, held_on);

create table committee_item (
    id             uuid primary key,
    tenant_id      uuid not null,
    session_id     uuid not null references committee_session (id),
    application_id uuid not null references application (id),
    position       integer not null,
    decision_id    uuid references application_decision (id),
    added_at       timestamp with time zone not null
);
create index committee_item_session_idx on committee_item (session_id, position);
create index committee_item_app_idx on committee_item (tenant_id, application_id);
