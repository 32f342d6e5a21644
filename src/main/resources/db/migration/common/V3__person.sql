create table person (
    id                  uuid primary key,
    tenant_id           uuid not null references tenant (id),
    first_name          varchar(100) not null,
    last_name           varchar(100) not null,
    birth_date          date,
    insz                varchar(11),
    street              varchar(200),
    house_number        varchar(20),
    box                 varchar(20),
    postal_code         varchar(10),
    city                varchar(100),
    phone               varchar(40),
    email               varchar(254),
    preferred_channel   varchar(20) not null default 'LETTER',
    language            varchar(2)  not null default 'nl',
    needs_interpreter   boolean not null default false,
    interpreter_language varchar(60),
    search_name         varchar(220) not null, -- folded "first last" for accent- and case-insensitive search
    search_address      varchar(360),
    version             bigint not null default 0,
    created_at          timestamp with time zone not null,
    created_by          varchar(60) not null,
    updated_at          timestamp with time zone not null,
    updated_by          varchar(60) not null,
    constraint person_insz_unique unique (tenant_id, insz)
);
create index person_tenant_birth_idx on person (tenant_id, birth_date);
create index person_tenant_name_idx on person (tenant_id, search_name);

-- Trigrams of the folded names: a portable index for typo-tolerant search on H2 and PostgreSQL.
create table person_name_gram (
    tenant_id uuid not null,
    person_id uuid not null references person (id) on delete cascade,
    gram      varchar(3) not null,
    primary key (person_id, gram)
);
create index person_name_gram_lookup_idx on person_name_gram (tenant_id, gram);

create table household (
    id         uuid primary key,
    tenant_id  uuid not null references tenant (id),
    name       varchar(200),
    version    bigint not null default 0,
    created_at timestamp with time zone not null,
    created_by varchar(60) not null
);
create index household_tenant_idx on household (tenant_id);

-- A person is in one household at a time; earlier memberships keep their end date (history).
create table household_member (
    id           uuid primary key,
    tenant_id    uuid not null,
    household_id uuid not null references household (id),
    person_id    uuid not null references person (id),
    relation     varchar(30) not null,
    valid_from   date not null,
    valid_to     date,
    created_at   timestamp with time zone not null,
    created_by   varchar(60) not null
);
create index household_member_person_idx on household_member (tenant_id, person_id, valid_to);
create index household_member_household_idx on household_member (tenant_id, household_id, valid_to);
