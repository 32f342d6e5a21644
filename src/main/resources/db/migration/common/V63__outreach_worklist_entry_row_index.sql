-- Deleting a list row checks its contact entry through the foreign key on row_id. The unique index
-- (tenant_id, row_id) does not serve a lookup by row_id alone, so the retention purge scanned the whole
-- table once per deleted row: 22 s for 20,000 rows, growing with the square of the list (docs/benchmarks.md).
create index outreach_worklist_entry_row_idx on outreach_worklist_entry (row_id);
