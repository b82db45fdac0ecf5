-- 0013: how many reports share one (originator, status, audience), kept by the database in the same transaction as every
-- write to intelligence_reports (issue 10: the exact total of a list in ≤ 20 ms for a viewer who sees tens of thousands of
-- reports; ADR 0015). The list's total is the sum of the count rows the visibility predicate selects. The triggers copy
-- columns, they decide nothing: the audience itself is computed by the dissemination policy in C# (ADR 0014).
-- A report's NULL audience ("not computed", admits no one beyond its unit) is counted under 0, which admits no one either.
CREATE TABLE "intelligence_report_counts" (
    "OriginatorOrganisationId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Audience" INTEGER NULL,
    "Count" INTEGER NOT NULL
);
CREATE UNIQUE INDEX "IX_intelligence_report_counts_Originator_Status_Audience"
    ON "intelligence_report_counts" ("OriginatorOrganisationId", "Status", "Audience");

INSERT INTO "intelligence_report_counts" ("OriginatorOrganisationId", "Status", "Audience", "Count")
SELECT "OriginatorOrganisationId", "Status", COALESCE("Audience", 0), COUNT(*)
FROM "intelligence_reports"
GROUP BY "OriginatorOrganisationId", "Status", COALESCE("Audience", 0);

CREATE TRIGGER intelligence_report_counts_on_insert AFTER INSERT ON "intelligence_reports"
BEGIN
    INSERT INTO "intelligence_report_counts" ("OriginatorOrganisationId", "Status", "Audience", "Count")
    VALUES (NEW."OriginatorOrganisationId", NEW."Status", COALESCE(NEW."Audience", 0), 1)
    ON CONFLICT ("OriginatorOrganisationId", "Status", "Audience") DO UPDATE SET "Count" = "Count" + 1;
END;

CREATE TRIGGER intelligence_report_counts_on_delete AFTER DELETE ON "intelligence_reports"
BEGIN
    UPDATE "intelligence_report_counts" SET "Count" = "Count" - 1
    WHERE "OriginatorOrganisationId" = OLD."OriginatorOrganisationId" AND "Status" = OLD."Status"
      AND "Audience" = COALESCE(OLD."Audience", 0);
END;

CREATE TRIGGER intelligence_report_counts_on_update AFTER UPDATE OF "OriginatorOrganisationId", "Status", "Audience" ON "intelligence_reports"
WHEN OLD."OriginatorOrganisationId" IS NOT NEW."OriginatorOrganisationId" OR OLD."Status" IS NOT NEW."Status"
     OR COALESCE(OLD."Audience", 0) <> COALESCE(NEW."Audience", 0)
BEGIN
    UPDATE "intelligence_report_counts" SET "Count" = "Count" - 1
    WHERE "OriginatorOrganisationId" = OLD."OriginatorOrganisationId" AND "Status" = OLD."Status"
      AND "Audience" = COALESCE(OLD."Audience", 0);
    INSERT INTO "intelligence_report_counts" ("OriginatorOrganisationId", "Status", "Audience", "Count")
    VALUES (NEW."OriginatorOrganisationId", NEW."Status", COALESCE(NEW."Audience", 0), 1)
    ON CONFLICT ("OriginatorOrganisationId", "Status", "Audience") DO UPDATE SET "Count" = "Count" + 1;
END;
