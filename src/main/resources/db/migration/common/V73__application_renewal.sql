-- A renewal is a new application that points to the granted one it continues.
alter table application add column renewal_of uuid;
