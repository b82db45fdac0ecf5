-- 0011: a report's audience beyond its originating unit (issue 10 item 10, ADR 0014), so that a list selects in SQL exactly the
-- reports the dissemination policy lets a viewer see, pages and counts there. NULL until computed: a row written before this
-- script is in no list beyond its own unit (never wider than the policy) until IntelligenceAudience.RefreshAsync, which runs at
-- start-up, computes it with the policy itself; SQL does not get a second copy of the policy to backfill it here.
ALTER TABLE "intelligence_reports" ADD COLUMN "Audience" INTEGER NULL;
-- Newest first in index order (a page of 100 stops after 100 rows); and the count reads a covering index, not the table.
CREATE INDEX "IX_intelligence_reports_CreatedAt_Id" ON "intelligence_reports" ("CreatedAt", "Id");
CREATE INDEX "IX_intelligence_reports_Originator_Status_Audience" ON "intelligence_reports" ("OriginatorOrganisationId", "Status", "Audience");
