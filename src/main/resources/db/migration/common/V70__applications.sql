-- Applications for rights: the checklist of proofs, the facts recorded for the decision, the worker's
-- social report and proposal, every decision as a numbered version, and the grants that follow.
-- Nothing is deleted: a superseded fact, a changed decision or an ended grant keeps its row.
create table application (
    id               uuid primary key,
    tenant_id        uuid not null references tenant (id),
    person_id        uuid not null references person (id),
    household_id     uuid,
    dossier_id       uuid,
    right_id         varchar(100) not null,
    status           varchar(30) not null,
    applied_on       date not null,
    report           varchar(8000),
    proposal_outcome varchar(20),
    proposal_amount  numeric(10, 2),
    proposal_text    varchar(4000),
    created_at       timestamp with time zone not null,
    created_by       varchar(60) not null,
    updated_at       timestamp with time zone not null,
    updated_by       varchar(60) not null,
    version          bigint not null default 0
);
create index application_person_idx on application (tenant_id, person_id);
create index application_status_idx on application (tenant_id, status, right_id);

-- One line of the checklist. proof_key (the folded Dutch label) finds the same proof in another application.
create table application_proof (
    id             uuid primary key,
    tenant_id      uuid not null,
    application_id uuid not null references application (id),
    person_id      uuid not null,
    position       integer not null,
    proof_key      varchar(300) not null,
    label_nl       varchar(500) not null,
    label_fr       varchar(500) not null,
    label_en       varchar(500) not null,
    status         varchar(20) not null,
    document_id    uuid,
    reused_from    uuid,
    refusal_reason varchar(1000),
    valid_until    date,
    changed_at     timestamp with time zone not null,
    changed_by     varchar(60) not null
);
create index application_proof_app_idx on application_proof (application_id, position);
create index application_proof_reuse_idx on application_proof (tenant_id, person_id, proof_key, status);

-- A fact for the evaluation; a new value supersedes the previous one, which stays.
create table application_fact (
    id             uuid primary key,
    tenant_id      uuid not null,
    application_id uuid not null references application (id),
    name           varchar(100) not null,
    value_text     varchar(200),
    source         varchar(30) not null,
    recorded_at    timestamp with time zone not null,
    recorded_by    varchar(60) not null,
    superseded_at  timestamp with time zone
);
create index application_fact_app_idx on application_fact (application_id, name, superseded_at);

-- What happened to the application and its proofs: who, when, what.
create table application_history (
    id             uuid primary key,
    tenant_id      uuid not null,
    application_id uuid not null references application (id),
    what           varchar(40) not null,
    detail         varchar(8000),
    changed_at     timestamp with time zone not null,
    changed_by     varchar(60) not null
);
create index application_history_app_idx on application_history (application_id, changed_at);

-- Every decision is a new numbered version with the evaluation it was taken beside.
create table application_decision (
    id                 uuid primary key,
    tenant_id          uuid not null,
    application_id     uuid not null references application (id),
    seq                integer not null,
    outcome            varchar(20) not null,
    monthly_amount     numeric(10, 2),
    period_from        date,
    period_until       date,
    reasons            varchar(4000),
    missing            varchar(4000),
    route              varchar(20) not null,
    session_id         uuid,
    evaluation_outcome varchar(20),
    evaluation_amount  numeric(10, 2),
    rule_version       varchar(100),
    decided_at         timestamp with time zone not null,
    decided_by         varchar(60) not null,
    constraint application_decision_seq unique (application_id, seq)
);

-- A granted right: period, amount per month, duties. A later decision ends it (status SUPERSEDED).
create table granted_right (
    id             uuid primary key,
    tenant_id      uuid not null references tenant (id),
    application_id uuid not null references application (id),
    decision_id    uuid not null references application_decision (id),
    person_id      uuid not null references person (id),
    right_id       varchar(100) not null,
    period_from    date not null,
    period_until   date not null,
    monthly_amount numeric(10, 2) not null,
    duties         varchar(4000),
    status         varchar(20) not null,
    created_at     timestamp with time zone not null
);
create index granted_right_period_idx on granted_right (tenant_id, right_id, status, period_from, period_until);
