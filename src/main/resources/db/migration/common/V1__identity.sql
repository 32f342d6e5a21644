-- Tenants, organisations, sites and staff users. Every table carries tenant_id so the database can
-- later be sharded per municipality; for a tenant row it is the tenant itself.
create table tenant (
    id             uuid primary key,
    tenant_id      uuid not null,
    code           varchar(40)  not null unique,
    name           varchar(200) not null,
    kind           varchar(20)  not null, -- MUNICIPALITY or ASSOCIATION
    association_id uuid references tenant (id),
    created_at     timestamp with time zone not null
);

create table organisation (
    id         uuid primary key,
    tenant_id  uuid not null references tenant (id),
    name       varchar(200) not null,
    kind       varchar(20)  not null, -- OWN_SERVICE or PARTNER
    type       varchar(40)  not null,
    email      varchar(254),
    phone      varchar(40),
    active     boolean not null default true,
    version    bigint  not null default 0,
    created_at timestamp with time zone not null,
    constraint organisation_name_unique unique (tenant_id, name)
);
create index organisation_tenant_idx on organisation (tenant_id);

create table site (
    id          uuid primary key,
    tenant_id   uuid not null references tenant (id),
    name        varchar(200) not null,
    kind        varchar(20)  not null, -- MAIN_OFFICE, ANTENNA, OFFICE_DAY
    street      varchar(200),
    postal_code varchar(10),
    city        varchar(100),
    opening_hours varchar(400),
    active      boolean not null default true,
    constraint site_name_unique unique (tenant_id, name)
);
create index site_tenant_idx on site (tenant_id);

create table app_user (
    id               uuid primary key,
    tenant_id        uuid not null references tenant (id),
    organisation_id  uuid not null references organisation (id),
    username         varchar(60)  not null unique,
    password_hash    varchar(200) not null,
    display_name     varchar(200) not null,
    email            varchar(254),
    language         varchar(2)   not null default 'nl',
    enabled          boolean not null default true,
    failed_attempts  integer not null default 0,
    locked_until     timestamp with time zone,
    last_login_at    timestamp with time zone,
    version          bigint not null default 0,
    created_at       timestamp with time zone not null
);
create index app_user_tenant_idx on app_user (tenant_id);

create table app_user_role (
    tenant_id uuid not null,
    user_id   uuid not null references app_user (id) on delete cascade,
    role      varchar(20) not null,
    primary key (user_id, role)
);
