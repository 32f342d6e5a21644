-- At most one ongoing (not closed) personal dossier per citizen and one ongoing dossier per household,
-- enforced by the database so that two simultaneous opens cannot both succeed (ADR 0205). H2 has no
-- partial indexes, so the service keeps these columns filled while the dossier is not closed and empties
-- them when it closes; a unique index ignores rows with a null, in H2 and PostgreSQL alike.
alter table dossier add column open_person_id uuid;
alter table dossier add column open_household_id uuid;
-- Existing ongoing dossiers: the most recently opened one per citizen holds the key.
update dossier set open_person_id = person_id
where status <> 'CLOSED' and household_id is null and not exists (
    select 1 from dossier o where o.tenant_id = dossier.tenant_id and o.person_id = dossier.person_id
    and o.household_id is null and o.status <> 'CLOSED'
    and (o.opened_at > dossier.opened_at or (o.opened_at = dossier.opened_at and o.id > dossier.id)));
create unique index dossier_open_person_uq on dossier (tenant_id, open_person_id);
create unique index dossier_open_household_uq on dossier (tenant_id, open_household_id);
