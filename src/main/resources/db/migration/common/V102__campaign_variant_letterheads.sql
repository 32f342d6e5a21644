-- Each letter variant of a campaign chooses its letterhead (LOGO or PLAIN), one per line in the order of
-- campaign.variants. Null (campaigns from before) means the default: the first variant with logo, the second without.
alter table campaign add column variant_letterheads varchar(100);
