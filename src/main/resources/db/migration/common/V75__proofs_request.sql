-- Each request for the proofs still missing (ADR 0511, 0512): when it was made, by when the citizen should
-- answer, and the one reminder sent after that deadline passed (reminded_on stays null until then).
create table proofs_request (
    tenant_id         uuid not null,
    application_id    uuid not null references application (id),
    version           bigint not null,
    requested_on      date not null,
    deadline          date not null,
    reminded_on       date,
    reminder_deadline date,
    reminder_channel  varchar(20),
    primary key (application_id, version)
);
create index proofs_request_deadline_idx on proofs_request (tenant_id, deadline);
