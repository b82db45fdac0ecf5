-- 0009: indexes for the default sorts of the paged lists (issue 9 item 16), measured on the national seed
-- (100,000 cases, 1,000,000 screenings): a referring organisation's sent referrals, newest first, read in index
-- order instead of sorting all it ever sent; the work queue, soonest due first, read in index order and stopped
-- after one page instead of sorting a unit's whole caseload.
DROP INDEX "IX_referrals_FromOrganisationId";
CREATE INDEX "IX_referrals_FromOrganisationId_ReferredAt" ON referrals ("FromOrganisationId", "ReferredAt");
CREATE INDEX "IX_cases_NextDueAt_Id" ON cases ("NextDueAt", "Id");
