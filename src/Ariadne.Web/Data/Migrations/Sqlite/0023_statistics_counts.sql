-- 0023: statistics at national scale (issue 13; ADR 0023). What each screening, referral and case contributes to the published
-- figures, counted per figure, calendar month (UTC) and organisation, kept by the database in the same transaction as every write
-- to those tables (as 0013 keeps intelligence_report_counts). A figure over whole months sums these rows (a few thousand) instead of
-- grouping a million screenings; the days at either end of a period that does not start or end on a month boundary are counted from
-- the tables themselves (the indexes below). The triggers copy columns and bucket them by month, they decide nothing: labels, age
-- bands, regions and organisation types are applied when the figure is read (StatisticsQueries), and disclosure control after that.
-- "Row"/"Column" hold the raw values the figure groups by ('' for NULL), except the age, which is kept as its band: the same bands
-- as StatisticsQueries.AgeBand (a change there is a change here; StatisticsFigureTests checks every band against its own count),
-- so a figure by gender and age sums a few thousand rows, not one per age. Rows whose count went back to 0 stay; they add nothing.

CREATE TABLE "statistics_counts" (
    "Figure" TEXT NOT NULL,
    "Month" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    "Row" TEXT NOT NULL,
    "Column" TEXT NOT NULL,
    "Count" INTEGER NOT NULL
);
CREATE UNIQUE INDEX "IX_statistics_counts_Figure_Month_OrganisationId_Row_Column"
    ON "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column");

-- The days at the ends of a period, and nothing else, are read from the tables: by their date.
-- Screenings are a million rows: the index holds every column their figures read, so the ends of a period never visit the table.
CREATE INDEX "IX_screenings_statistics" ON "screenings" ("Status", "CompletedAt", "OrganisationId", "IntakeChannel", "Gender", "ApproximateAge", "PresumedVictim");
CREATE INDEX "IX_referrals_ReferredAt" ON "referrals" ("ReferredAt");
CREATE INDEX "IX_cases_OpenedAt" ON "cases" ("OpenedAt");
CREATE INDEX "IX_cases_ReasonableGroundsAt" ON "cases" ("ReasonableGroundsAt");
CREATE INDEX "IX_cases_ConclusiveAt" ON "cases" ("ConclusiveAt");
CREATE INDEX "IX_cases_ReflectionStartedAt" ON "cases" ("ReflectionStartedAt");

-- screenings: what a row contributes now.
INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
SELECT 'screenings-by-channel', substr(r."CompletedAt", 1, 7), r."OrganisationId", '', COALESCE(r."IntakeChannel", ''), COUNT(*)
FROM "screenings" r WHERE r."CompletedAt" IS NOT NULL AND r."Status" = 'Completed'
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
SELECT 'screenings-by-gender-age', substr(r."CompletedAt", 1, 7), r."OrganisationId", r."Gender", CASE WHEN r."ApproximateAge" IS NULL THEN 'Unknown' WHEN r."ApproximateAge" < 18 THEN 'Under 18' WHEN r."ApproximateAge" < 25 THEN '18–24' WHEN r."ApproximateAge" < 35 THEN '25–34' WHEN r."ApproximateAge" < 50 THEN '35–49' ELSE '50 and over' END, COUNT(*)
FROM "screenings" r WHERE r."CompletedAt" IS NOT NULL AND r."Status" = 'Completed' AND r."PresumedVictim" = 1
GROUP BY 1, 2, 3, 4, 5;

CREATE TRIGGER statistics_counts_screenings_insert AFTER INSERT ON "screenings"
BEGIN
    INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
    SELECT 'screenings-by-channel', substr(NEW."CompletedAt", 1, 7), NEW."OrganisationId", '', COALESCE(NEW."IntakeChannel", ''), 1
    WHERE NEW."CompletedAt" IS NOT NULL AND NEW."Status" = 'Completed'
    ON CONFLICT ("Figure", "Month", "OrganisationId", "Row", "Column") DO UPDATE SET "Count" = "Count" + 1;
    INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
    SELECT 'screenings-by-gender-age', substr(NEW."CompletedAt", 1, 7), NEW."OrganisationId", NEW."Gender", CASE WHEN NEW."ApproximateAge" IS NULL THEN 'Unknown' WHEN NEW."ApproximateAge" < 18 THEN 'Under 18' WHEN NEW."ApproximateAge" < 25 THEN '18–24' WHEN NEW."ApproximateAge" < 35 THEN '25–34' WHEN NEW."ApproximateAge" < 50 THEN '35–49' ELSE '50 and over' END, 1
    WHERE NEW."CompletedAt" IS NOT NULL AND NEW."Status" = 'Completed' AND NEW."PresumedVictim" = 1
    ON CONFLICT ("Figure", "Month", "OrganisationId", "Row", "Column") DO UPDATE SET "Count" = "Count" + 1;
END;

CREATE TRIGGER statistics_counts_screenings_delete AFTER DELETE ON "screenings"
BEGIN
    UPDATE "statistics_counts" SET "Count" = "Count" - 1
    WHERE OLD."CompletedAt" IS NOT NULL AND OLD."Status" = 'Completed' AND "Figure" = 'screenings-by-channel' AND "Month" = substr(OLD."CompletedAt", 1, 7)
      AND "OrganisationId" = OLD."OrganisationId" AND "Row" = '' AND "Column" = COALESCE(OLD."IntakeChannel", '');
    UPDATE "statistics_counts" SET "Count" = "Count" - 1
    WHERE OLD."CompletedAt" IS NOT NULL AND OLD."Status" = 'Completed' AND OLD."PresumedVictim" = 1 AND "Figure" = 'screenings-by-gender-age' AND "Month" = substr(OLD."CompletedAt", 1, 7)
      AND "OrganisationId" = OLD."OrganisationId" AND "Row" = OLD."Gender" AND "Column" = CASE WHEN OLD."ApproximateAge" IS NULL THEN 'Unknown' WHEN OLD."ApproximateAge" < 18 THEN 'Under 18' WHEN OLD."ApproximateAge" < 25 THEN '18–24' WHEN OLD."ApproximateAge" < 35 THEN '25–34' WHEN OLD."ApproximateAge" < 50 THEN '35–49' ELSE '50 and over' END;
END;

CREATE TRIGGER statistics_counts_screenings_update AFTER UPDATE OF "Status", "CompletedAt", "OrganisationId", "IntakeChannel", "Gender", "ApproximateAge", "PresumedVictim" ON "screenings"
WHEN OLD."Status" IS NOT NEW."Status"
     OR OLD."CompletedAt" IS NOT NEW."CompletedAt"
     OR OLD."OrganisationId" IS NOT NEW."OrganisationId"
     OR OLD."IntakeChannel" IS NOT NEW."IntakeChannel"
     OR OLD."Gender" IS NOT NEW."Gender"
     OR OLD."ApproximateAge" IS NOT NEW."ApproximateAge"
     OR OLD."PresumedVictim" IS NOT NEW."PresumedVictim"
BEGIN
    UPDATE "statistics_counts" SET "Count" = "Count" - 1
    WHERE OLD."CompletedAt" IS NOT NULL AND OLD."Status" = 'Completed' AND "Figure" = 'screenings-by-channel' AND "Month" = substr(OLD."CompletedAt", 1, 7)
      AND "OrganisationId" = OLD."OrganisationId" AND "Row" = '' AND "Column" = COALESCE(OLD."IntakeChannel", '');
    UPDATE "statistics_counts" SET "Count" = "Count" - 1
    WHERE OLD."CompletedAt" IS NOT NULL AND OLD."Status" = 'Completed' AND OLD."PresumedVictim" = 1 AND "Figure" = 'screenings-by-gender-age' AND "Month" = substr(OLD."CompletedAt", 1, 7)
      AND "OrganisationId" = OLD."OrganisationId" AND "Row" = OLD."Gender" AND "Column" = CASE WHEN OLD."ApproximateAge" IS NULL THEN 'Unknown' WHEN OLD."ApproximateAge" < 18 THEN 'Under 18' WHEN OLD."ApproximateAge" < 25 THEN '18–24' WHEN OLD."ApproximateAge" < 35 THEN '25–34' WHEN OLD."ApproximateAge" < 50 THEN '35–49' ELSE '50 and over' END;
    INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
    SELECT 'screenings-by-channel', substr(NEW."CompletedAt", 1, 7), NEW."OrganisationId", '', COALESCE(NEW."IntakeChannel", ''), 1
    WHERE NEW."CompletedAt" IS NOT NULL AND NEW."Status" = 'Completed'
    ON CONFLICT ("Figure", "Month", "OrganisationId", "Row", "Column") DO UPDATE SET "Count" = "Count" + 1;
    INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
    SELECT 'screenings-by-gender-age', substr(NEW."CompletedAt", 1, 7), NEW."OrganisationId", NEW."Gender", CASE WHEN NEW."ApproximateAge" IS NULL THEN 'Unknown' WHEN NEW."ApproximateAge" < 18 THEN 'Under 18' WHEN NEW."ApproximateAge" < 25 THEN '18–24' WHEN NEW."ApproximateAge" < 35 THEN '25–34' WHEN NEW."ApproximateAge" < 50 THEN '35–49' ELSE '50 and over' END, 1
    WHERE NEW."CompletedAt" IS NOT NULL AND NEW."Status" = 'Completed' AND NEW."PresumedVictim" = 1
    ON CONFLICT ("Figure", "Month", "OrganisationId", "Row", "Column") DO UPDATE SET "Count" = "Count" + 1;
END;

-- referrals: what a row contributes now.
INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
SELECT 'referrals-by-kind', substr(r."ReferredAt", 1, 7), r."FromOrganisationId", '', r."Kind", COUNT(*)
FROM "referrals" r WHERE r."ReferredAt" IS NOT NULL AND r."Kind" <> 'DeclinedReferralAlert'
GROUP BY 1, 2, 3, 4, 5;

CREATE TRIGGER statistics_counts_referrals_insert AFTER INSERT ON "referrals"
BEGIN
    INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
    SELECT 'referrals-by-kind', substr(NEW."ReferredAt", 1, 7), NEW."FromOrganisationId", '', NEW."Kind", 1
    WHERE NEW."ReferredAt" IS NOT NULL AND NEW."Kind" <> 'DeclinedReferralAlert'
    ON CONFLICT ("Figure", "Month", "OrganisationId", "Row", "Column") DO UPDATE SET "Count" = "Count" + 1;
END;

CREATE TRIGGER statistics_counts_referrals_delete AFTER DELETE ON "referrals"
BEGIN
    UPDATE "statistics_counts" SET "Count" = "Count" - 1
    WHERE OLD."ReferredAt" IS NOT NULL AND OLD."Kind" <> 'DeclinedReferralAlert' AND "Figure" = 'referrals-by-kind' AND "Month" = substr(OLD."ReferredAt", 1, 7)
      AND "OrganisationId" = OLD."FromOrganisationId" AND "Row" = '' AND "Column" = OLD."Kind";
END;

CREATE TRIGGER statistics_counts_referrals_update AFTER UPDATE OF "Kind", "ReferredAt", "FromOrganisationId" ON "referrals"
WHEN OLD."Kind" IS NOT NEW."Kind"
     OR OLD."ReferredAt" IS NOT NEW."ReferredAt"
     OR OLD."FromOrganisationId" IS NOT NEW."FromOrganisationId"
BEGIN
    UPDATE "statistics_counts" SET "Count" = "Count" - 1
    WHERE OLD."ReferredAt" IS NOT NULL AND OLD."Kind" <> 'DeclinedReferralAlert' AND "Figure" = 'referrals-by-kind' AND "Month" = substr(OLD."ReferredAt", 1, 7)
      AND "OrganisationId" = OLD."FromOrganisationId" AND "Row" = '' AND "Column" = OLD."Kind";
    INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
    SELECT 'referrals-by-kind', substr(NEW."ReferredAt", 1, 7), NEW."FromOrganisationId", '', NEW."Kind", 1
    WHERE NEW."ReferredAt" IS NOT NULL AND NEW."Kind" <> 'DeclinedReferralAlert'
    ON CONFLICT ("Figure", "Month", "OrganisationId", "Row", "Column") DO UPDATE SET "Count" = "Count" + 1;
END;

-- cases: what a row contributes now.
INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
SELECT 'cases-by-stage', substr(r."OpenedAt", 1, 7), r."OwnerOrganisationId", '', r."Stage", COUNT(*)
FROM "cases" r WHERE r."OpenedAt" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
SELECT 'cases-by-form', substr(r."OpenedAt", 1, 7), r."OwnerOrganisationId", '', COALESCE(r."ExploitationForms", ''), COUNT(*)
FROM "cases" r WHERE r."OpenedAt" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
SELECT 'cases-by-gender-age', substr(r."OpenedAt", 1, 7), r."OwnerOrganisationId", COALESCE(r."Gender", ''), CASE WHEN r."ApproximateAge" IS NULL THEN 'Unknown' WHEN r."ApproximateAge" < 18 THEN 'Under 18' WHEN r."ApproximateAge" < 25 THEN '18–24' WHEN r."ApproximateAge" < 35 THEN '25–34' WHEN r."ApproximateAge" < 50 THEN '35–49' ELSE '50 and over' END, COUNT(*)
FROM "cases" r WHERE r."OpenedAt" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
SELECT 'cases-by-citizenship', substr(r."OpenedAt", 1, 7), r."OwnerOrganisationId", '', COALESCE(r."Nationality", ''), COUNT(*)
FROM "cases" r WHERE r."OpenedAt" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
SELECT 'children', substr(r."OpenedAt", 1, 7), r."OwnerOrganisationId", r."AgeStatus", CASE WHEN r."GuardianOrganisationId" IS NULL THEN '0' ELSE '1' END, COUNT(*)
FROM "cases" r WHERE r."OpenedAt" IS NOT NULL AND r."AgeStatus" IN ('PresumedMinor', 'ConfirmedMinor')
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
SELECT 'reasonable-grounds', substr(r."ReasonableGroundsAt", 1, 7), r."OwnerOrganisationId", COALESCE(r."ReasonableGrounds", ''), CAST(CAST(julianday(r."ReasonableGroundsAt") - julianday(r."OpenedAt") AS INTEGER) AS TEXT), COUNT(*)
FROM "cases" r WHERE r."ReasonableGroundsAt" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
SELECT 'conclusive', substr(r."ConclusiveAt", 1, 7), r."OwnerOrganisationId", '', r."Conclusive", COUNT(*)
FROM "cases" r WHERE r."ConclusiveAt" IS NOT NULL AND r."Conclusive" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
SELECT 'reflection-periods', substr(r."ReflectionStartedAt", 1, 7), r."OwnerOrganisationId", '', '', COUNT(*)
FROM "cases" r WHERE r."ReflectionStartedAt" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;

CREATE TRIGGER statistics_counts_cases_insert AFTER INSERT ON "cases"
BEGIN
    INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
    SELECT 'cases-by-stage', substr(NEW."OpenedAt", 1, 7), NEW."OwnerOrganisationId", '', NEW."Stage", 1
    WHERE NEW."OpenedAt" IS NOT NULL
    ON CONFLICT ("Figure", "Month", "OrganisationId", "Row", "Column") DO UPDATE SET "Count" = "Count" + 1;
    INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
    SELECT 'cases-by-form', substr(NEW."OpenedAt", 1, 7), NEW."OwnerOrganisationId", '', COALESCE(NEW."ExploitationForms", ''), 1
    WHERE NEW."OpenedAt" IS NOT NULL
    ON CONFLICT ("Figure", "Month", "OrganisationId", "Row", "Column") DO UPDATE SET "Count" = "Count" + 1;
    INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
    SELECT 'cases-by-gender-age', substr(NEW."OpenedAt", 1, 7), NEW."OwnerOrganisationId", COALESCE(NEW."Gender", ''), CASE WHEN NEW."ApproximateAge" IS NULL THEN 'Unknown' WHEN NEW."ApproximateAge" < 18 THEN 'Under 18' WHEN NEW."ApproximateAge" < 25 THEN '18–24' WHEN NEW."ApproximateAge" < 35 THEN '25–34' WHEN NEW."ApproximateAge" < 50 THEN '35–49' ELSE '50 and over' END, 1
    WHERE NEW."OpenedAt" IS NOT NULL
    ON CONFLICT ("Figure", "Month", "OrganisationId", "Row", "Column") DO UPDATE SET "Count" = "Count" + 1;
    INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
    SELECT 'cases-by-citizenship', substr(NEW."OpenedAt", 1, 7), NEW."OwnerOrganisationId", '', COALESCE(NEW."Nationality", ''), 1
    WHERE NEW."OpenedAt" IS NOT NULL
    ON CONFLICT ("Figure", "Month", "OrganisationId", "Row", "Column") DO UPDATE SET "Count" = "Count" + 1;
    INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
    SELECT 'children', substr(NEW."OpenedAt", 1, 7), NEW."OwnerOrganisationId", NEW."AgeStatus", CASE WHEN NEW."GuardianOrganisationId" IS NULL THEN '0' ELSE '1' END, 1
    WHERE NEW."OpenedAt" IS NOT NULL AND NEW."AgeStatus" IN ('PresumedMinor', 'ConfirmedMinor')
    ON CONFLICT ("Figure", "Month", "OrganisationId", "Row", "Column") DO UPDATE SET "Count" = "Count" + 1;
    INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
    SELECT 'reasonable-grounds', substr(NEW."ReasonableGroundsAt", 1, 7), NEW."OwnerOrganisationId", COALESCE(NEW."ReasonableGrounds", ''), CAST(CAST(julianday(NEW."ReasonableGroundsAt") - julianday(NEW."OpenedAt") AS INTEGER) AS TEXT), 1
    WHERE NEW."ReasonableGroundsAt" IS NOT NULL
    ON CONFLICT ("Figure", "Month", "OrganisationId", "Row", "Column") DO UPDATE SET "Count" = "Count" + 1;
    INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
    SELECT 'conclusive', substr(NEW."ConclusiveAt", 1, 7), NEW."OwnerOrganisationId", '', NEW."Conclusive", 1
    WHERE NEW."ConclusiveAt" IS NOT NULL AND NEW."Conclusive" IS NOT NULL
    ON CONFLICT ("Figure", "Month", "OrganisationId", "Row", "Column") DO UPDATE SET "Count" = "Count" + 1;
    INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
    SELECT 'reflection-periods', substr(NEW."ReflectionStartedAt", 1, 7), NEW."OwnerOrganisationId", '', '', 1
    WHERE NEW."ReflectionStartedAt" IS NOT NULL
    ON CONFLICT ("Figure", "Month", "OrganisationId", "Row", "Column") DO UPDATE SET "Count" = "Count" + 1;
END;

CREATE TRIGGER statistics_counts_cases_delete AFTER DELETE ON "cases"
BEGIN
    UPDATE "statistics_counts" SET "Count" = "Count" - 1
    WHERE OLD."OpenedAt" IS NOT NULL AND "Figure" = 'cases-by-stage' AND "Month" = substr(OLD."OpenedAt", 1, 7)
      AND "OrganisationId" = OLD."OwnerOrganisationId" AND "Row" = '' AND "Column" = OLD."Stage";
    UPDATE "statistics_counts" SET "Count" = "Count" - 1
    WHERE OLD."OpenedAt" IS NOT NULL AND "Figure" = 'cases-by-form' AND "Month" = substr(OLD."OpenedAt", 1, 7)
      AND "OrganisationId" = OLD."OwnerOrganisationId" AND "Row" = '' AND "Column" = COALESCE(OLD."ExploitationForms", '');
    UPDATE "statistics_counts" SET "Count" = "Count" - 1
    WHERE OLD."OpenedAt" IS NOT NULL AND "Figure" = 'cases-by-gender-age' AND "Month" = substr(OLD."OpenedAt", 1, 7)
      AND "OrganisationId" = OLD."OwnerOrganisationId" AND "Row" = COALESCE(OLD."Gender", '') AND "Column" = CASE WHEN OLD."ApproximateAge" IS NULL THEN 'Unknown' WHEN OLD."ApproximateAge" < 18 THEN 'Under 18' WHEN OLD."ApproximateAge" < 25 THEN '18–24' WHEN OLD."ApproximateAge" < 35 THEN '25–34' WHEN OLD."ApproximateAge" < 50 THEN '35–49' ELSE '50 and over' END;
    UPDATE "statistics_counts" SET "Count" = "Count" - 1
    WHERE OLD."OpenedAt" IS NOT NULL AND "Figure" = 'cases-by-citizenship' AND "Month" = substr(OLD."OpenedAt", 1, 7)
      AND "OrganisationId" = OLD."OwnerOrganisationId" AND "Row" = '' AND "Column" = COALESCE(OLD."Nationality", '');
    UPDATE "statistics_counts" SET "Count" = "Count" - 1
    WHERE OLD."OpenedAt" IS NOT NULL AND OLD."AgeStatus" IN ('PresumedMinor', 'ConfirmedMinor') AND "Figure" = 'children' AND "Month" = substr(OLD."OpenedAt", 1, 7)
      AND "OrganisationId" = OLD."OwnerOrganisationId" AND "Row" = OLD."AgeStatus" AND "Column" = CASE WHEN OLD."GuardianOrganisationId" IS NULL THEN '0' ELSE '1' END;
    UPDATE "statistics_counts" SET "Count" = "Count" - 1
    WHERE OLD."ReasonableGroundsAt" IS NOT NULL AND "Figure" = 'reasonable-grounds' AND "Month" = substr(OLD."ReasonableGroundsAt", 1, 7)
      AND "OrganisationId" = OLD."OwnerOrganisationId" AND "Row" = COALESCE(OLD."ReasonableGrounds", '') AND "Column" = CAST(CAST(julianday(OLD."ReasonableGroundsAt") - julianday(OLD."OpenedAt") AS INTEGER) AS TEXT);
    UPDATE "statistics_counts" SET "Count" = "Count" - 1
    WHERE OLD."ConclusiveAt" IS NOT NULL AND OLD."Conclusive" IS NOT NULL AND "Figure" = 'conclusive' AND "Month" = substr(OLD."ConclusiveAt", 1, 7)
      AND "OrganisationId" = OLD."OwnerOrganisationId" AND "Row" = '' AND "Column" = OLD."Conclusive";
    UPDATE "statistics_counts" SET "Count" = "Count" - 1
    WHERE OLD."ReflectionStartedAt" IS NOT NULL AND "Figure" = 'reflection-periods' AND "Month" = substr(OLD."ReflectionStartedAt", 1, 7)
      AND "OrganisationId" = OLD."OwnerOrganisationId" AND "Row" = '' AND "Column" = '';
END;

CREATE TRIGGER statistics_counts_cases_update AFTER UPDATE OF "OwnerOrganisationId", "OpenedAt", "Stage", "ExploitationForms", "Gender", "ApproximateAge", "Nationality", "AgeStatus", "GuardianOrganisationId", "ReasonableGroundsAt", "ReasonableGrounds", "ConclusiveAt", "Conclusive", "ReflectionStartedAt" ON "cases"
WHEN OLD."OwnerOrganisationId" IS NOT NEW."OwnerOrganisationId"
     OR OLD."OpenedAt" IS NOT NEW."OpenedAt"
     OR OLD."Stage" IS NOT NEW."Stage"
     OR OLD."ExploitationForms" IS NOT NEW."ExploitationForms"
     OR OLD."Gender" IS NOT NEW."Gender"
     OR OLD."ApproximateAge" IS NOT NEW."ApproximateAge"
     OR OLD."Nationality" IS NOT NEW."Nationality"
     OR OLD."AgeStatus" IS NOT NEW."AgeStatus"
     OR OLD."GuardianOrganisationId" IS NOT NEW."GuardianOrganisationId"
     OR OLD."ReasonableGroundsAt" IS NOT NEW."ReasonableGroundsAt"
     OR OLD."ReasonableGrounds" IS NOT NEW."ReasonableGrounds"
     OR OLD."ConclusiveAt" IS NOT NEW."ConclusiveAt"
     OR OLD."Conclusive" IS NOT NEW."Conclusive"
     OR OLD."ReflectionStartedAt" IS NOT NEW."ReflectionStartedAt"
BEGIN
    UPDATE "statistics_counts" SET "Count" = "Count" - 1
    WHERE OLD."OpenedAt" IS NOT NULL AND "Figure" = 'cases-by-stage' AND "Month" = substr(OLD."OpenedAt", 1, 7)
      AND "OrganisationId" = OLD."OwnerOrganisationId" AND "Row" = '' AND "Column" = OLD."Stage";
    UPDATE "statistics_counts" SET "Count" = "Count" - 1
    WHERE OLD."OpenedAt" IS NOT NULL AND "Figure" = 'cases-by-form' AND "Month" = substr(OLD."OpenedAt", 1, 7)
      AND "OrganisationId" = OLD."OwnerOrganisationId" AND "Row" = '' AND "Column" = COALESCE(OLD."ExploitationForms", '');
    UPDATE "statistics_counts" SET "Count" = "Count" - 1
    WHERE OLD."OpenedAt" IS NOT NULL AND "Figure" = 'cases-by-gender-age' AND "Month" = substr(OLD."OpenedAt", 1, 7)
      AND "OrganisationId" = OLD."OwnerOrganisationId" AND "Row" = COALESCE(OLD."Gender", '') AND "Column" = CASE WHEN OLD."ApproximateAge" IS NULL THEN 'Unknown' WHEN OLD."ApproximateAge" < 18 THEN 'Under 18' WHEN OLD."ApproximateAge" < 25 THEN '18–24' WHEN OLD."ApproximateAge" < 35 THEN '25–34' WHEN OLD."ApproximateAge" < 50 THEN '35–49' ELSE '50 and over' END;
    UPDATE "statistics_counts" SET "Count" = "Count" - 1
    WHERE OLD."OpenedAt" IS NOT NULL AND "Figure" = 'cases-by-citizenship' AND "Month" = substr(OLD."OpenedAt", 1, 7)
      AND "OrganisationId" = OLD."OwnerOrganisationId" AND "Row" = '' AND "Column" = COALESCE(OLD."Nationality", '');
    UPDATE "statistics_counts" SET "Count" = "Count" - 1
    WHERE OLD."OpenedAt" IS NOT NULL AND OLD."AgeStatus" IN ('PresumedMinor', 'ConfirmedMinor') AND "Figure" = 'children' AND "Month" = substr(OLD."OpenedAt", 1, 7)
      AND "OrganisationId" = OLD."OwnerOrganisationId" AND "Row" = OLD."AgeStatus" AND "Column" = CASE WHEN OLD."GuardianOrganisationId" IS NULL THEN '0' ELSE '1' END;
    UPDATE "statistics_counts" SET "Count" = "Count" - 1
    WHERE OLD."ReasonableGroundsAt" IS NOT NULL AND "Figure" = 'reasonable-grounds' AND "Month" = substr(OLD."ReasonableGroundsAt", 1, 7)
      AND "OrganisationId" = OLD."OwnerOrganisationId" AND "Row" = COALESCE(OLD."ReasonableGrounds", '') AND "Column" = CAST(CAST(julianday(OLD."ReasonableGroundsAt") - julianday(OLD."OpenedAt") AS INTEGER) AS TEXT);
    UPDATE "statistics_counts" SET "Count" = "Count" - 1
    WHERE OLD."ConclusiveAt" IS NOT NULL AND OLD."Conclusive" IS NOT NULL AND "Figure" = 'conclusive' AND "Month" = substr(OLD."ConclusiveAt", 1, 7)
      AND "OrganisationId" = OLD."OwnerOrganisationId" AND "Row" = '' AND "Column" = OLD."Conclusive";
    UPDATE "statistics_counts" SET "Count" = "Count" - 1
    WHERE OLD."ReflectionStartedAt" IS NOT NULL AND "Figure" = 'reflection-periods' AND "Month" = substr(OLD."ReflectionStartedAt", 1, 7)
      AND "OrganisationId" = OLD."OwnerOrganisationId" AND "Row" = '' AND "Column" = '';
    INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
    SELECT 'cases-by-stage', substr(NEW."OpenedAt", 1, 7), NEW."OwnerOrganisationId", '', NEW."Stage", 1
    WHERE NEW."OpenedAt" IS NOT NULL
    ON CONFLICT ("Figure", "Month", "OrganisationId", "Row", "Column") DO UPDATE SET "Count" = "Count" + 1;
    INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
    SELECT 'cases-by-form', substr(NEW."OpenedAt", 1, 7), NEW."OwnerOrganisationId", '', COALESCE(NEW."ExploitationForms", ''), 1
    WHERE NEW."OpenedAt" IS NOT NULL
    ON CONFLICT ("Figure", "Month", "OrganisationId", "Row", "Column") DO UPDATE SET "Count" = "Count" + 1;
    INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
    SELECT 'cases-by-gender-age', substr(NEW."OpenedAt", 1, 7), NEW."OwnerOrganisationId", COALESCE(NEW."Gender", ''), CASE WHEN NEW."ApproximateAge" IS NULL THEN 'Unknown' WHEN NEW."ApproximateAge" < 18 THEN 'Under 18' WHEN NEW."ApproximateAge" < 25 THEN '18–24' WHEN NEW."ApproximateAge" < 35 THEN '25–34' WHEN NEW."ApproximateAge" < 50 THEN '35–49' ELSE '50 and over' END, 1
    WHERE NEW."OpenedAt" IS NOT NULL
    ON CONFLICT ("Figure", "Month", "OrganisationId", "Row", "Column") DO UPDATE SET "Count" = "Count" + 1;
    INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
    SELECT 'cases-by-citizenship', substr(NEW."OpenedAt", 1, 7), NEW."OwnerOrganisationId", '', COALESCE(NEW."Nationality", ''), 1
    WHERE NEW."OpenedAt" IS NOT NULL
    ON CONFLICT ("Figure", "Month", "OrganisationId", "Row", "Column") DO UPDATE SET "Count" = "Count" + 1;
    INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
    SELECT 'children', substr(NEW."OpenedAt", 1, 7), NEW."OwnerOrganisationId", NEW."AgeStatus", CASE WHEN NEW."GuardianOrganisationId" IS NULL THEN '0' ELSE '1' END, 1
    WHERE NEW."OpenedAt" IS NOT NULL AND NEW."AgeStatus" IN ('PresumedMinor', 'ConfirmedMinor')
    ON CONFLICT ("Figure", "Month", "OrganisationId", "Row", "Column") DO UPDATE SET "Count" = "Count" + 1;
    INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
    SELECT 'reasonable-grounds', substr(NEW."ReasonableGroundsAt", 1, 7), NEW."OwnerOrganisationId", COALESCE(NEW."ReasonableGrounds", ''), CAST(CAST(julianday(NEW."ReasonableGroundsAt") - julianday(NEW."OpenedAt") AS INTEGER) AS TEXT), 1
    WHERE NEW."ReasonableGroundsAt" IS NOT NULL
    ON CONFLICT ("Figure", "Month", "OrganisationId", "Row", "Column") DO UPDATE SET "Count" = "Count" + 1;
    INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
    SELECT 'conclusive', substr(NEW."ConclusiveAt", 1, 7), NEW."OwnerOrganisationId", '', NEW."Conclusive", 1
    WHERE NEW."ConclusiveAt" IS NOT NULL AND NEW."Conclusive" IS NOT NULL
    ON CONFLICT ("Figure", "Month", "OrganisationId", "Row", "Column") DO UPDATE SET "Count" = "Count" + 1;
    INSERT INTO "statistics_counts" ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
    SELECT 'reflection-periods', substr(NEW."ReflectionStartedAt", 1, 7), NEW."OwnerOrganisationId", '', '', 1
    WHERE NEW."ReflectionStartedAt" IS NOT NULL
    ON CONFLICT ("Figure", "Month", "OrganisationId", "Row", "Column") DO UPDATE SET "Count" = "Count" + 1;
END;
