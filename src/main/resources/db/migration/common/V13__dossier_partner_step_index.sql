-- "Unseen partner steps" on My work counts per dossier the partner steps after owner_seen_at; with
-- by_partner in the index that count reads only partner steps (measured: docs/benchmarks.md).
create index dossier_step_partner_idx on dossier_step (dossier_id, by_partner, created_at);
