-- Every contact at every door. A question is open until handled_at is set; due_on is two working
-- days after the contact (computed by the working-day calendar when registering).
create table contact (
    id                uuid primary key,
    tenant_id         uuid not null references tenant (id),
    site_id           uuid not null references site (id),
    channel           varchar(30) not null,
    person_id         uuid references person (id),
    question          varchar(2000) not null,
    outcome           varchar(20) not null,
    referred_to       varchar(200),
    minutes_spent     integer,
    occurred_at       timestamp with time zone not null,
    occurred_on       date not null,
    registered_at     timestamp with time zone not null,
    registered_by_id  uuid,
    registered_by     varchar(60) not null,
    due_on            date not null,
    handled_at        timestamp with time zone,
    handled_by        varchar(60),
    dossier_id        uuid,
    version           bigint not null default 0
);
create index contact_day_idx on contact (tenant_id, occurred_on, site_id);
create index contact_open_idx on contact (tenant_id, handled_at, due_on);
create index contact_person_idx on contact (tenant_id, person_id);

create table contact_theme (
    tenant_id  uuid not null,
    contact_id uuid not null references contact (id),
    theme      varchar(30) not null,
    primary key (contact_id, theme)
);
create index contact_theme_tenant_idx on contact_theme (tenant_id, theme);
