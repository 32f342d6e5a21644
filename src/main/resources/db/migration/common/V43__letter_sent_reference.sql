-- What a letter was sent for (e.g. decision:<id>, reminder:<grant>:<kind>:<period>): unique per municipality,
-- so a letter whose trigger is delivered twice (retried event, two instances) goes out once.
alter table letter_sent add column reference varchar(160);
create unique index letter_sent_reference_uq on letter_sent (tenant_id, reference);
