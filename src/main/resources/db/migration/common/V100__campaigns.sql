-- Outreach campaigns: people picked from a worklist with a method each, the random letter variant they
-- got (reproducible from the recorded seed), and every contact attempt with its outcome.

create table campaign (
    id              uuid primary key,
    tenant_id       uuid not null references tenant (id),
    name            varchar(200) not null,
    worklist_key    varchar(100) not null,
    worklist_name   varchar(300) not null,
    intermediary_id uuid references organisation (id),
    closed_envelope boolean not null,
    variants        varchar(1000),          -- letter variant names, one per line, in order; null when none
    variant_seed    bigint not null,        -- seed of the random assignment of variants, kept to reproduce it
    created_at      timestamp with time zone not null,
    created_by      varchar(60) not null
);
create index campaign_tenant_idx on campaign (tenant_id, created_at);

-- One person of a campaign. The name is kept as contacted: the worklist row may be purged with its list.
create table campaign_member (
    id           uuid primary key,
    tenant_id    uuid not null references tenant (id),
    campaign_id  uuid not null references campaign (id),
    entry_id     uuid not null,
    person_id    uuid,
    person_name  varchar(300) not null,
    dossier_id   uuid,
    method       varchar(20) not null,      -- LETTER, SMS, EMAIL, PHONE_CALL, HOME_VISIT
    variant      integer,                   -- index into campaign.variants for letters
    position     integer not null,
    sent_channel varchar(10),               -- SMS/e-mail: the channel that carried it (POST after a fallback)
    sent_at      timestamp with time zone,
    constraint campaign_member_once unique (campaign_id, entry_id)
);
create index campaign_member_campaign_idx on campaign_member (tenant_id, campaign_id, position);

create table campaign_attempt (
    id               uuid primary key,
    tenant_id        uuid not null references tenant (id),
    campaign_id      uuid not null references campaign (id),
    member_id        uuid not null references campaign_member (id),
    method           varchar(20) not null,
    attempted_on     date not null,
    weekday          smallint not null,     -- 1 = Monday ... 7 = Sunday
    attempted_at     time,
    time_slot        varchar(10) not null,  -- MORNING, AFTERNOON, EVENING
    outcome          varchar(30) not null,
    duration_minutes integer,
    note             varchar(2000),
    dossier_step_id  uuid,
    created_at       timestamp with time zone not null,
    created_by       varchar(60) not null
);
create index campaign_attempt_member_idx on campaign_attempt (tenant_id, member_id, attempted_on);
create index campaign_attempt_tenant_idx on campaign_attempt (tenant_id, attempted_on);
