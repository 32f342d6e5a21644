-- Grants proposed by the daily job, waiting for a staff member's confirmation: the renewal of a grant whose
-- facts for the new year are all known and still valid (RENEWAL), or a grant for a citizen who did not apply,
-- where the right's rule allows automatic granting and every fact comes from a trusted source (AUTOMATIC).
create table grant_proposal (
    id                 uuid primary key,
    tenant_id          uuid not null references tenant (id),
    kind               varchar(20) not null,  -- RENEWAL, AUTOMATIC
    person_id          uuid not null references person (id),
    right_id           varchar(100) not null,
    application_id     uuid references application (id), -- the prepared renewal; for AUTOMATIC set on confirmation
    renewal_of         uuid references application (id),
    for_year           integer not null,
    period_from        date not null,
    period_until       date not null,
    evaluation_outcome varchar(20) not null,
    monthly_amount     numeric(12, 2),
    rule_version       varchar(100),
    facts              varchar(4000) not null, -- name=value (source) lines the proposal rests on
    status             varchar(20) not null,   -- PROPOSED, CONFIRMED, REJECTED
    proposed_at        timestamp with time zone not null,
    decided_at         timestamp with time zone,
    decided_by         varchar(60),
    reason             varchar(1000),
    constraint grant_proposal_once unique (tenant_id, kind, person_id, right_id, for_year)
);
create index grant_proposal_open_idx on grant_proposal (tenant_id, status);
