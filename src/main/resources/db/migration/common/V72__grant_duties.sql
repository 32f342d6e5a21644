-- Monthly duties of a grant (e.g. the proof of rent payment) and the reminders sent for them.
create table grant_month_proof (
    id          uuid primary key,
    tenant_id   uuid not null,
    grant_id    uuid not null references granted_right (id),
    proof_month date not null, -- first day of the month the proof covers
    document_id uuid,
    received_at timestamp with time zone not null,
    received_by varchar(60) not null,
    constraint grant_month_proof_once unique (grant_id, proof_month)
);

-- One reminder per grant, kind and period (a month, or a year for the renewal): the unique key makes
-- "exactly one" hold even when two instances run the job at the same time.
create table grant_reminder (
    id        uuid primary key,
    tenant_id uuid not null,
    grant_id  uuid not null references granted_right (id),
    person_id uuid not null,
    kind      varchar(20) not null, -- MONTHLY_PROOF or RENEWAL
    for_period varchar(10) not null, -- 2027-02 or 2027
    channel   varchar(20) not null,
    sent_at   timestamp with time zone not null,
    constraint grant_reminder_once unique (grant_id, kind, for_period)
);

-- Cluster-safe scheduling: the instance that inserts the claim for a tenant, job and day runs it.
create table job_claim (
    tenant_id  uuid not null,
    job        varchar(60) not null,
    run_key    varchar(60) not null,
    claimed_at timestamp with time zone not null,
    claimed_by varchar(200) not null,
    primary key (tenant_id, job, run_key)
);
