-- Citizen portal (module portal). A personal link is a random token; only its SHA-256 is stored.
create table portal_link (
    id          uuid primary key,
    tenant_id   uuid not null references tenant (id),
    person_id   uuid not null,
    token_hash  varchar(64) not null unique,
    created_at  timestamp with time zone not null,
    created_by  varchar(60) not null,
    expires_at  timestamp with time zone not null,
    revoked_at  timestamp with time zone,
    revoked_by  varchar(60)
);
create index portal_link_person_idx on portal_link (tenant_id, person_id);

-- One-time login codes sent for a link: hashed, valid a few minutes, a limited number of wrong tries.
create table portal_code (
    id              uuid primary key,
    tenant_id       uuid not null references tenant (id),
    link_id         uuid not null references portal_link (id),
    code_hash       varchar(64) not null,
    channel         varchar(10) not null, -- EMAIL, SMS
    sent_at         timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    failed_attempts integer not null default 0,
    used_at         timestamp with time zone
);
create index portal_code_link_idx on portal_code (link_id, sent_at);

-- Requests per client address (hashed), for the rate limit shared by every instance.
create table portal_attempt (
    id          uuid primary key,
    client_hash varchar(64) not null,
    kind        varchar(10) not null, -- SEND, VERIFY
    at          timestamp with time zone not null
);
create index portal_attempt_client_idx on portal_attempt (client_hash, kind, at);
