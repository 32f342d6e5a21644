-- A dossier may concern a whole household (issue 3: "a person or household", ADR 0204). person_id stays
-- the citizen it was opened for (the household's contact point); household_id is null for a personal dossier.
alter table dossier add column household_id uuid;
alter table dossier add constraint dossier_household_fk foreign key (household_id) references household (id);
create index dossier_household_idx on dossier (tenant_id, household_id);
