-- Letters to be printed and posted, the fallback of every letter; printed_at is set by the office.
create table letter_print_queue (
    id              uuid primary key,
    tenant_id       uuid not null references tenant (id),
    recipient_name  varchar(220) not null,
    address         varchar(600) not null,
    subject         varchar(200) not null,
    closed_envelope boolean not null,
    pdf             bytea not null,
    queued_at       timestamp with time zone not null,
    printed_at      timestamp with time zone,
    printed_by      varchar(60)
);
create index letter_print_queue_open_idx on letter_print_queue (tenant_id, printed_at);

-- The register of letters sent to citizens: by which channel and whether it was a fallback.
create table letter_sent (
    id         uuid primary key,
    tenant_id  uuid not null references tenant (id),
    person_id  uuid not null,
    code       varchar(60) not null,
    language   varchar(2) not null,
    subject    varchar(200) not null,
    channel    varchar(10) not null, -- EMAIL, SMS, POST
    fell_back  boolean not null,
    sent_at    timestamp with time zone not null,
    sent_by    varchar(60) not null
);
create index letter_sent_person_idx on letter_sent (tenant_id, person_id, sent_at);
