-- 0009: indexes for the default sorts of the paged lists (issue 9 item 16), measured on the national seed
-- (100,000 cases, 1,000,000 screenings, SQLite): an organisation's screenings, newest change first, are read in
-- index order instead of sorting all 115,000 of the busiest police unit (0.6 s to 0.02 s for a page); a referring
-- organisation's sent referrals, newest first, likewise.
CREATE INDEX "IX_screenings_OrganisationId_UpdatedAt" ON "screenings" ("OrganisationId", "UpdatedAt");
DROP INDEX "IX_referrals_FromOrganisationId";
CREATE INDEX "IX_referrals_FromOrganisationId_ReferredAt" ON "referrals" ("FromOrganisationId", "ReferredAt");
