-- Rights worklists: per right, the citizens the rights engine found ELIGIBLE or POSSIBLY from partner
-- lists (and who hold no active grant of it), and the import as a background job with its progress.

create table outreach_right_entry (
    id            uuid primary key,
    tenant_id     uuid not null,
    right_id      varchar(100) not null,
    person_id     uuid not null,
    household_id  uuid,
    outcome       varchar(20) not null,   -- ELIGIBLE or POSSIBLY
    met_conditions  varchar(1000) not null, -- comma-separated ids of the conditions already met
    open_conditions varchar(1000) not null, -- comma-separated ids of the conditions still to check
    facts         varchar(4000) not null, -- the facts evaluated, lines "name=value": explanations are rendered from them per language
    evaluated_on  date not null,          -- the rules in force on this day were used
    active        boolean not null,       -- false once the person no longer qualifies or got the right
    status        varchar(20) not null,   -- OPEN, CONTACTED, CLOSED
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    updated_by    varchar(60) not null,
    constraint outreach_right_entry_unique unique (tenant_id, right_id, person_id)
);
create index outreach_right_entry_list_idx on outreach_right_entry (tenant_id, right_id, active, outcome);
create index outreach_right_entry_person_idx on outreach_right_entry (tenant_id, person_id);

-- An import running in the background: state and progress, claimed by one instance at a time.
create table outreach_import_job (
    id             uuid primary key,
    tenant_id      uuid not null,
    upload_id      uuid not null,          -- the upload it imports (removed once imported)
    list_type      varchar(30) not null,
    file_name      varchar(255) not null,
    mode           varchar(20) not null,   -- ALL or VALID_ONLY
    mapping        varchar(4000),          -- the columns the user chose, lines "field=header"; null: saved or guessed
    state          varchar(20) not null,   -- QUEUED, RUNNING, DONE, REFUSED, FAILED
    rows_total     integer not null default 0,
    rows_parsed    integer not null default 0,
    rows_validated integer not null default 0,
    rows_matched   integer not null default 0,
    households     integer not null default 0,
    households_evaluated integer not null default 0,
    import_id      uuid,
    problems       varchar(4000),          -- why it was refused: lines "field|messageKey|argument"
    created_at     timestamp with time zone not null,
    created_by     varchar(60) not null,
    started_at     timestamp with time zone,
    finished_at    timestamp with time zone,
    locked_by      varchar(100),
    locked_until   timestamp with time zone
);
create index outreach_import_job_tenant_idx on outreach_import_job (tenant_id, created_at);
create index outreach_import_job_state_idx on outreach_import_job (state);

-- The rights evaluation reads the rows of the citizens it evaluates (the address the partner gave).
create index outreach_row_person_idx on outreach_row (tenant_id, person_id);
