-- Outreach: data-sharing agreements with partners, imported partner lists, their rows and matching,
-- facts taken from the lists, the rent-arrears worklist and the cluster-safe purge job.

create table outreach_agreement (
    id             uuid primary key,
    tenant_id      uuid not null references tenant (id),
    partner_id     uuid not null references organisation (id),
    purpose        varchar(1000) not null,
    legal_basis    varchar(30) not null,   -- CONSENT, LEGAL_OBLIGATION, PUBLIC_TASK
    legal_basis_detail varchar(1000),
    list_types     varchar(200) not null,  -- comma-separated ListType names the agreement covers
    fields         varchar(1000) not null, -- comma-separated field names the partner may send
    retention_days integer not null,
    valid_from     date not null,
    valid_to       date,
    created_at     timestamp with time zone not null,
    created_by     varchar(60) not null
);
create index outreach_agreement_tenant_idx on outreach_agreement (tenant_id, partner_id);

-- Column mapping per partner and list type, remembered for the next upload.
create table outreach_column_mapping (
    tenant_id  uuid not null references tenant (id),
    partner_id uuid not null references organisation (id),
    list_type  varchar(30) not null,
    mapping    varchar(4000) not null, -- lines "field=header"
    updated_at timestamp with time zone not null,
    updated_by varchar(60) not null,
    primary key (tenant_id, partner_id, list_type)
);

-- An uploaded file waiting for mapping, preview and the user's choice; removed once imported.
create table outreach_upload (
    id           uuid primary key,
    tenant_id    uuid not null references tenant (id),
    agreement_id uuid not null references outreach_agreement (id),
    list_type    varchar(30) not null,
    file_name    varchar(255) not null,
    content      bytea not null,
    file_hash    varchar(64) not null,
    uploaded_at  timestamp with time zone not null,
    uploaded_by  varchar(60) not null
);
create index outreach_upload_tenant_idx on outreach_upload (tenant_id, uploaded_at);

create table outreach_import (
    id            uuid primary key,
    tenant_id     uuid not null references tenant (id),
    agreement_id  uuid not null references outreach_agreement (id),
    partner_id    uuid not null references organisation (id),
    list_type     varchar(30) not null,
    file_name     varchar(255) not null,
    file_hash     varchar(64) not null,
    mode          varchar(20) not null, -- ALL or VALID_ONLY
    rows_read     integer not null,
    rows_imported integer not null,
    rows_invalid  integer not null,
    rows_known    integer not null,     -- rows already imported before (same row key)
    imported_at   timestamp with time zone not null,
    imported_by   varchar(60) not null,
    purge_after   date not null,
    purged_at     timestamp with time zone
);
create index outreach_import_hash_idx on outreach_import (tenant_id, partner_id, list_type, file_hash);
create index outreach_import_purge_idx on outreach_import (tenant_id, purge_after);

create table outreach_import_error (
    id          uuid primary key,
    tenant_id   uuid not null,
    import_id   uuid not null references outreach_import (id) on delete cascade,
    line_no     integer not null,
    field       varchar(40),
    message_key varchar(100) not null,
    argument    varchar(200)
);
create index outreach_import_error_idx on outreach_import_error (tenant_id, import_id, line_no);

create table outreach_row (
    id              uuid primary key,
    tenant_id       uuid not null,
    import_id       uuid not null references outreach_import (id) on delete cascade,
    partner_id      uuid not null,
    list_type       varchar(30) not null,
    line_no         integer not null,
    row_key         varchar(64) not null,
    insz            varchar(11),
    first_name      varchar(100),
    last_name       varchar(100),
    birth_date      date,
    street          varchar(200),
    house_number    varchar(20),
    box             varchar(20),
    postal_code     varchar(10),
    city            varchar(100),
    reference       varchar(100),
    data            varchar(2000) not null, -- the list's own values, lines "field=value" (normalised)
    match_status    varchar(20) not null,   -- MATCHED, REVIEW, UNMATCHED, CONFIRMED, CREATED, DISMISSED
    person_id       uuid,
    candidate_id    uuid,
    match_score     numeric(4, 3),
    reviewed_at     timestamp with time zone,
    reviewed_by     varchar(60),
    constraint outreach_row_key_unique unique (tenant_id, partner_id, list_type, row_key)
);
create index outreach_row_import_idx on outreach_row (tenant_id, import_id, line_no);
create index outreach_row_status_idx on outreach_row (tenant_id, match_status);

-- Facts taken from partner lists, with their source; the rights engine reads them through PartnerFacts.
create table outreach_fact (
    id           uuid primary key,
    tenant_id    uuid not null,
    person_id    uuid not null,
    household_id uuid,
    fact_name    varchar(100) not null,
    fact_value   varchar(200) not null,
    import_id    uuid not null references outreach_import (id) on delete cascade,
    row_id       uuid not null references outreach_row (id) on delete cascade,
    partner_id   uuid not null,
    list_type    varchar(30) not null,
    valid_on     date not null,
    recorded_at  timestamp with time zone not null,
    recorded_by  varchar(60) not null
);
create index outreach_fact_person_idx on outreach_fact (tenant_id, person_id, fact_name);
create index outreach_fact_household_idx on outreach_fact (tenant_id, household_id, fact_name);

-- Everyone on a rent-arrears list, to be contacted (seed 002).
create table outreach_worklist_entry (
    id          uuid primary key,
    tenant_id   uuid not null,
    import_id   uuid not null references outreach_import (id) on delete cascade,
    row_id      uuid not null references outreach_row (id) on delete cascade,
    amount      numeric(12, 2) not null,
    months      integer not null,
    status      varchar(20) not null, -- OPEN, CONTACTED, CLOSED
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone,
    updated_by  varchar(60),
    constraint outreach_worklist_row_unique unique (tenant_id, row_id)
);
create index outreach_worklist_idx on outreach_worklist_entry (tenant_id, status);

-- One row per tenant and job: an instance runs a job only after claiming it with a conditional update,
-- so several instances never purge at the same time.
create table outreach_job (
    tenant_id    uuid not null,
    job_name     varchar(40) not null,
    next_run_at  timestamp with time zone not null,
    locked_until timestamp with time zone,
    locked_by    varchar(100),
    last_run_at  timestamp with time zone,
    primary key (tenant_id, job_name)
);
