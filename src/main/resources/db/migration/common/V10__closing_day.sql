-- Days a municipality's services are closed on top of weekends and Belgian public holidays
-- (those are computed in code, so no yearly maintenance is needed).
create table closing_day (
    tenant_id uuid not null references tenant (id),
    closed_on date not null,
    label     varchar(200),
    primary key (tenant_id, closed_on)
);
