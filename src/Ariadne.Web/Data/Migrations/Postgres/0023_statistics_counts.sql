-- 0023: statistics at national scale (issue 13; ADR 0023). What each screening, referral and case contributes to the published
-- figures, counted per figure, calendar month (UTC) and organisation, kept by the database in the same transaction as every write
-- to those tables (as 0013 keeps intelligence_report_counts). A figure over whole months sums these rows (a few thousand) instead of
-- grouping a million screenings; the days at either end of a period that does not start or end on a month boundary are counted from
-- the tables themselves (the indexes below). The triggers copy columns and bucket them by month, they decide nothing: labels, age
-- bands, regions and organisation types are applied when the figure is read (StatisticsQueries), and disclosure control after that.
-- "Row"/"Column" hold the raw values the figure groups by ('' for NULL), except the age, which is kept as its band: the same bands
-- as StatisticsQueries.AgeBand (a change there is a change here; StatisticsFigureTests checks every band against its own count),
-- so a figure by gender and age sums a few thousand rows, not one per age. Rows whose count went back to 0 stay; they add nothing.

CREATE TABLE statistics_counts (
    "Figure" character varying(40) NOT NULL,
    "Month" character varying(7) NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "Row" character varying(400) NOT NULL,
    "Column" character varying(400) NOT NULL,
    "Count" bigint NOT NULL
);
CREATE UNIQUE INDEX "IX_statistics_counts_Figure_Month_OrganisationId_Row_Column"
    ON statistics_counts ("Figure", "Month", "OrganisationId", "Row", "Column");

-- The days at the ends of a period, and nothing else, are read from the tables: by their date.
-- Screenings are a million rows: the index holds every column their figures read, so the ends of a period never visit the table.
CREATE INDEX "IX_screenings_statistics" ON screenings ("Status", "CompletedAt", "OrganisationId", "IntakeChannel", "Gender", "ApproximateAge", "PresumedVictim");
CREATE INDEX "IX_referrals_ReferredAt" ON referrals ("ReferredAt");
CREATE INDEX "IX_cases_OpenedAt" ON cases ("OpenedAt");
CREATE INDEX "IX_cases_ReasonableGroundsAt" ON cases ("ReasonableGroundsAt");
CREATE INDEX "IX_cases_ConclusiveAt" ON cases ("ConclusiveAt");
CREATE INDEX "IX_cases_ReflectionStartedAt" ON cases ("ReflectionStartedAt");

CREATE FUNCTION ariadne_statistics_count(figure text, month text, organisation uuid, row_value text, column_value text, delta integer)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO statistics_counts ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
    VALUES (figure, month, organisation, row_value, column_value, delta)
    ON CONFLICT ("Figure", "Month", "OrganisationId", "Row", "Column")
    DO UPDATE SET "Count" = statistics_counts."Count" + delta;
$$;

-- screenings: what a row contributes now.
INSERT INTO statistics_counts ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
SELECT 'screenings-by-channel', to_char(r."CompletedAt" AT TIME ZONE 'UTC', 'YYYY-MM'), r."OrganisationId", '', COALESCE(r."IntakeChannel", ''), COUNT(*)
FROM screenings r WHERE r."CompletedAt" IS NOT NULL AND r."Status" = 'Completed'
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO statistics_counts ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
SELECT 'screenings-by-gender-age', to_char(r."CompletedAt" AT TIME ZONE 'UTC', 'YYYY-MM'), r."OrganisationId", r."Gender", CASE WHEN r."ApproximateAge" IS NULL THEN 'Unknown' WHEN r."ApproximateAge" < 18 THEN 'Under 18' WHEN r."ApproximateAge" < 25 THEN '18–24' WHEN r."ApproximateAge" < 35 THEN '25–34' WHEN r."ApproximateAge" < 50 THEN '35–49' ELSE '50 and over' END, COUNT(*)
FROM screenings r WHERE r."CompletedAt" IS NOT NULL AND r."Status" = 'Completed' AND r."PresumedVictim"
GROUP BY 1, 2, 3, 4, 5;

CREATE FUNCTION ariadne_statistics_screenings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        IF OLD."CompletedAt" IS NOT NULL AND OLD."Status" = 'Completed' THEN
            PERFORM ariadne_statistics_count('screenings-by-channel', to_char(OLD."CompletedAt" AT TIME ZONE 'UTC', 'YYYY-MM'), OLD."OrganisationId", '', COALESCE(OLD."IntakeChannel", ''), -1);
        END IF;
        IF OLD."CompletedAt" IS NOT NULL AND OLD."Status" = 'Completed' AND OLD."PresumedVictim" THEN
            PERFORM ariadne_statistics_count('screenings-by-gender-age', to_char(OLD."CompletedAt" AT TIME ZONE 'UTC', 'YYYY-MM'), OLD."OrganisationId", OLD."Gender", CASE WHEN OLD."ApproximateAge" IS NULL THEN 'Unknown' WHEN OLD."ApproximateAge" < 18 THEN 'Under 18' WHEN OLD."ApproximateAge" < 25 THEN '18–24' WHEN OLD."ApproximateAge" < 35 THEN '25–34' WHEN OLD."ApproximateAge" < 50 THEN '35–49' ELSE '50 and over' END, -1);
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        IF NEW."CompletedAt" IS NOT NULL AND NEW."Status" = 'Completed' THEN
            PERFORM ariadne_statistics_count('screenings-by-channel', to_char(NEW."CompletedAt" AT TIME ZONE 'UTC', 'YYYY-MM'), NEW."OrganisationId", '', COALESCE(NEW."IntakeChannel", ''), 1);
        END IF;
        IF NEW."CompletedAt" IS NOT NULL AND NEW."Status" = 'Completed' AND NEW."PresumedVictim" THEN
            PERFORM ariadne_statistics_count('screenings-by-gender-age', to_char(NEW."CompletedAt" AT TIME ZONE 'UTC', 'YYYY-MM'), NEW."OrganisationId", NEW."Gender", CASE WHEN NEW."ApproximateAge" IS NULL THEN 'Unknown' WHEN NEW."ApproximateAge" < 18 THEN 'Under 18' WHEN NEW."ApproximateAge" < 25 THEN '18–24' WHEN NEW."ApproximateAge" < 35 THEN '25–34' WHEN NEW."ApproximateAge" < 50 THEN '35–49' ELSE '50 and over' END, 1);
        END IF;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER statistics_counts_screenings_insert_delete AFTER INSERT OR DELETE ON screenings
    FOR EACH ROW EXECUTE FUNCTION ariadne_statistics_screenings();
CREATE TRIGGER statistics_counts_screenings_update AFTER UPDATE OF "Status", "CompletedAt", "OrganisationId", "IntakeChannel", "Gender", "ApproximateAge", "PresumedVictim" ON screenings
    FOR EACH ROW
    WHEN (OLD."Status" IS DISTINCT FROM NEW."Status"
          OR OLD."CompletedAt" IS DISTINCT FROM NEW."CompletedAt"
          OR OLD."OrganisationId" IS DISTINCT FROM NEW."OrganisationId"
          OR OLD."IntakeChannel" IS DISTINCT FROM NEW."IntakeChannel"
          OR OLD."Gender" IS DISTINCT FROM NEW."Gender"
          OR OLD."ApproximateAge" IS DISTINCT FROM NEW."ApproximateAge"
          OR OLD."PresumedVictim" IS DISTINCT FROM NEW."PresumedVictim")
    EXECUTE FUNCTION ariadne_statistics_screenings();

-- referrals: what a row contributes now.
INSERT INTO statistics_counts ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
SELECT 'referrals-by-kind', to_char(r."ReferredAt" AT TIME ZONE 'UTC', 'YYYY-MM'), r."FromOrganisationId", '', r."Kind", COUNT(*)
FROM referrals r WHERE r."ReferredAt" IS NOT NULL AND r."Kind" <> 'DeclinedReferralAlert'
GROUP BY 1, 2, 3, 4, 5;

CREATE FUNCTION ariadne_statistics_referrals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        IF OLD."ReferredAt" IS NOT NULL AND OLD."Kind" <> 'DeclinedReferralAlert' THEN
            PERFORM ariadne_statistics_count('referrals-by-kind', to_char(OLD."ReferredAt" AT TIME ZONE 'UTC', 'YYYY-MM'), OLD."FromOrganisationId", '', OLD."Kind", -1);
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        IF NEW."ReferredAt" IS NOT NULL AND NEW."Kind" <> 'DeclinedReferralAlert' THEN
            PERFORM ariadne_statistics_count('referrals-by-kind', to_char(NEW."ReferredAt" AT TIME ZONE 'UTC', 'YYYY-MM'), NEW."FromOrganisationId", '', NEW."Kind", 1);
        END IF;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER statistics_counts_referrals_insert_delete AFTER INSERT OR DELETE ON referrals
    FOR EACH ROW EXECUTE FUNCTION ariadne_statistics_referrals();
CREATE TRIGGER statistics_counts_referrals_update AFTER UPDATE OF "Kind", "ReferredAt", "FromOrganisationId" ON referrals
    FOR EACH ROW
    WHEN (OLD."Kind" IS DISTINCT FROM NEW."Kind"
          OR OLD."ReferredAt" IS DISTINCT FROM NEW."ReferredAt"
          OR OLD."FromOrganisationId" IS DISTINCT FROM NEW."FromOrganisationId")
    EXECUTE FUNCTION ariadne_statistics_referrals();

-- cases: what a row contributes now.
INSERT INTO statistics_counts ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
SELECT 'cases-by-stage', to_char(r."OpenedAt" AT TIME ZONE 'UTC', 'YYYY-MM'), r."OwnerOrganisationId", '', r."Stage", COUNT(*)
FROM cases r WHERE r."OpenedAt" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO statistics_counts ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
SELECT 'cases-by-form', to_char(r."OpenedAt" AT TIME ZONE 'UTC', 'YYYY-MM'), r."OwnerOrganisationId", '', COALESCE(r."ExploitationForms", ''), COUNT(*)
FROM cases r WHERE r."OpenedAt" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO statistics_counts ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
SELECT 'cases-by-gender-age', to_char(r."OpenedAt" AT TIME ZONE 'UTC', 'YYYY-MM'), r."OwnerOrganisationId", COALESCE(r."Gender", ''), CASE WHEN r."ApproximateAge" IS NULL THEN 'Unknown' WHEN r."ApproximateAge" < 18 THEN 'Under 18' WHEN r."ApproximateAge" < 25 THEN '18–24' WHEN r."ApproximateAge" < 35 THEN '25–34' WHEN r."ApproximateAge" < 50 THEN '35–49' ELSE '50 and over' END, COUNT(*)
FROM cases r WHERE r."OpenedAt" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO statistics_counts ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
SELECT 'cases-by-citizenship', to_char(r."OpenedAt" AT TIME ZONE 'UTC', 'YYYY-MM'), r."OwnerOrganisationId", '', COALESCE(r."Nationality", ''), COUNT(*)
FROM cases r WHERE r."OpenedAt" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO statistics_counts ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
SELECT 'children', to_char(r."OpenedAt" AT TIME ZONE 'UTC', 'YYYY-MM'), r."OwnerOrganisationId", r."AgeStatus", CASE WHEN r."GuardianOrganisationId" IS NULL THEN '0' ELSE '1' END, COUNT(*)
FROM cases r WHERE r."OpenedAt" IS NOT NULL AND r."AgeStatus" IN ('PresumedMinor', 'ConfirmedMinor')
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO statistics_counts ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
SELECT 'reasonable-grounds', to_char(r."ReasonableGroundsAt" AT TIME ZONE 'UTC', 'YYYY-MM'), r."OwnerOrganisationId", COALESCE(r."ReasonableGrounds", ''), CAST(CAST(FLOOR(EXTRACT(EPOCH FROM (r."ReasonableGroundsAt" - r."OpenedAt")) / 86400) AS integer) AS text), COUNT(*)
FROM cases r WHERE r."ReasonableGroundsAt" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO statistics_counts ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
SELECT 'conclusive', to_char(r."ConclusiveAt" AT TIME ZONE 'UTC', 'YYYY-MM'), r."OwnerOrganisationId", '', r."Conclusive", COUNT(*)
FROM cases r WHERE r."ConclusiveAt" IS NOT NULL AND r."Conclusive" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO statistics_counts ("Figure", "Month", "OrganisationId", "Row", "Column", "Count")
SELECT 'reflection-periods', to_char(r."ReflectionStartedAt" AT TIME ZONE 'UTC', 'YYYY-MM'), r."OwnerOrganisationId", '', '', COUNT(*)
FROM cases r WHERE r."ReflectionStartedAt" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;

CREATE FUNCTION ariadne_statistics_cases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        IF OLD."OpenedAt" IS NOT NULL THEN
            PERFORM ariadne_statistics_count('cases-by-stage', to_char(OLD."OpenedAt" AT TIME ZONE 'UTC', 'YYYY-MM'), OLD."OwnerOrganisationId", '', OLD."Stage", -1);
        END IF;
        IF OLD."OpenedAt" IS NOT NULL THEN
            PERFORM ariadne_statistics_count('cases-by-form', to_char(OLD."OpenedAt" AT TIME ZONE 'UTC', 'YYYY-MM'), OLD."OwnerOrganisationId", '', COALESCE(OLD."ExploitationForms", ''), -1);
        END IF;
        IF OLD."OpenedAt" IS NOT NULL THEN
            PERFORM ariadne_statistics_count('cases-by-gender-age', to_char(OLD."OpenedAt" AT TIME ZONE 'UTC', 'YYYY-MM'), OLD."OwnerOrganisationId", COALESCE(OLD."Gender", ''), CASE WHEN OLD."ApproximateAge" IS NULL THEN 'Unknown' WHEN OLD."ApproximateAge" < 18 THEN 'Under 18' WHEN OLD."ApproximateAge" < 25 THEN '18–24' WHEN OLD."ApproximateAge" < 35 THEN '25–34' WHEN OLD."ApproximateAge" < 50 THEN '35–49' ELSE '50 and over' END, -1);
        END IF;
        IF OLD."OpenedAt" IS NOT NULL THEN
            PERFORM ariadne_statistics_count('cases-by-citizenship', to_char(OLD."OpenedAt" AT TIME ZONE 'UTC', 'YYYY-MM'), OLD."OwnerOrganisationId", '', COALESCE(OLD."Nationality", ''), -1);
        END IF;
        IF OLD."OpenedAt" IS NOT NULL AND OLD."AgeStatus" IN ('PresumedMinor', 'ConfirmedMinor') THEN
            PERFORM ariadne_statistics_count('children', to_char(OLD."OpenedAt" AT TIME ZONE 'UTC', 'YYYY-MM'), OLD."OwnerOrganisationId", OLD."AgeStatus", CASE WHEN OLD."GuardianOrganisationId" IS NULL THEN '0' ELSE '1' END, -1);
        END IF;
        IF OLD."ReasonableGroundsAt" IS NOT NULL THEN
            PERFORM ariadne_statistics_count('reasonable-grounds', to_char(OLD."ReasonableGroundsAt" AT TIME ZONE 'UTC', 'YYYY-MM'), OLD."OwnerOrganisationId", COALESCE(OLD."ReasonableGrounds", ''), CAST(CAST(FLOOR(EXTRACT(EPOCH FROM (OLD."ReasonableGroundsAt" - OLD."OpenedAt")) / 86400) AS integer) AS text), -1);
        END IF;
        IF OLD."ConclusiveAt" IS NOT NULL AND OLD."Conclusive" IS NOT NULL THEN
            PERFORM ariadne_statistics_count('conclusive', to_char(OLD."ConclusiveAt" AT TIME ZONE 'UTC', 'YYYY-MM'), OLD."OwnerOrganisationId", '', OLD."Conclusive", -1);
        END IF;
        IF OLD."ReflectionStartedAt" IS NOT NULL THEN
            PERFORM ariadne_statistics_count('reflection-periods', to_char(OLD."ReflectionStartedAt" AT TIME ZONE 'UTC', 'YYYY-MM'), OLD."OwnerOrganisationId", '', '', -1);
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        IF NEW."OpenedAt" IS NOT NULL THEN
            PERFORM ariadne_statistics_count('cases-by-stage', to_char(NEW."OpenedAt" AT TIME ZONE 'UTC', 'YYYY-MM'), NEW."OwnerOrganisationId", '', NEW."Stage", 1);
        END IF;
        IF NEW."OpenedAt" IS NOT NULL THEN
            PERFORM ariadne_statistics_count('cases-by-form', to_char(NEW."OpenedAt" AT TIME ZONE 'UTC', 'YYYY-MM'), NEW."OwnerOrganisationId", '', COALESCE(NEW."ExploitationForms", ''), 1);
        END IF;
        IF NEW."OpenedAt" IS NOT NULL THEN
            PERFORM ariadne_statistics_count('cases-by-gender-age', to_char(NEW."OpenedAt" AT TIME ZONE 'UTC', 'YYYY-MM'), NEW."OwnerOrganisationId", COALESCE(NEW."Gender", ''), CASE WHEN NEW."ApproximateAge" IS NULL THEN 'Unknown' WHEN NEW."ApproximateAge" < 18 THEN 'Under 18' WHEN NEW."ApproximateAge" < 25 THEN '18–24' WHEN NEW."ApproximateAge" < 35 THEN '25–34' WHEN NEW."ApproximateAge" < 50 THEN '35–49' ELSE '50 and over' END, 1);
        END IF;
        IF NEW."OpenedAt" IS NOT NULL THEN
            PERFORM ariadne_statistics_count('cases-by-citizenship', to_char(NEW."OpenedAt" AT TIME ZONE 'UTC', 'YYYY-MM'), NEW."OwnerOrganisationId", '', COALESCE(NEW."Nationality", ''), 1);
        END IF;
        IF NEW."OpenedAt" IS NOT NULL AND NEW."AgeStatus" IN ('PresumedMinor', 'ConfirmedMinor') THEN
            PERFORM ariadne_statistics_count('children', to_char(NEW."OpenedAt" AT TIME ZONE 'UTC', 'YYYY-MM'), NEW."OwnerOrganisationId", NEW."AgeStatus", CASE WHEN NEW."GuardianOrganisationId" IS NULL THEN '0' ELSE '1' END, 1);
        END IF;
        IF NEW."ReasonableGroundsAt" IS NOT NULL THEN
            PERFORM ariadne_statistics_count('reasonable-grounds', to_char(NEW."ReasonableGroundsAt" AT TIME ZONE 'UTC', 'YYYY-MM'), NEW."OwnerOrganisationId", COALESCE(NEW."ReasonableGrounds", ''), CAST(CAST(FLOOR(EXTRACT(EPOCH FROM (NEW."ReasonableGroundsAt" - NEW."OpenedAt")) / 86400) AS integer) AS text), 1);
        END IF;
        IF NEW."ConclusiveAt" IS NOT NULL AND NEW."Conclusive" IS NOT NULL THEN
            PERFORM ariadne_statistics_count('conclusive', to_char(NEW."ConclusiveAt" AT TIME ZONE 'UTC', 'YYYY-MM'), NEW."OwnerOrganisationId", '', NEW."Conclusive", 1);
        END IF;
        IF NEW."ReflectionStartedAt" IS NOT NULL THEN
            PERFORM ariadne_statistics_count('reflection-periods', to_char(NEW."ReflectionStartedAt" AT TIME ZONE 'UTC', 'YYYY-MM'), NEW."OwnerOrganisationId", '', '', 1);
        END IF;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER statistics_counts_cases_insert_delete AFTER INSERT OR DELETE ON cases
    FOR EACH ROW EXECUTE FUNCTION ariadne_statistics_cases();
CREATE TRIGGER statistics_counts_cases_update AFTER UPDATE OF "OwnerOrganisationId", "OpenedAt", "Stage", "ExploitationForms", "Gender", "ApproximateAge", "Nationality", "AgeStatus", "GuardianOrganisationId", "ReasonableGroundsAt", "ReasonableGrounds", "ConclusiveAt", "Conclusive", "ReflectionStartedAt" ON cases
    FOR EACH ROW
    WHEN (OLD."OwnerOrganisationId" IS DISTINCT FROM NEW."OwnerOrganisationId"
          OR OLD."OpenedAt" IS DISTINCT FROM NEW."OpenedAt"
          OR OLD."Stage" IS DISTINCT FROM NEW."Stage"
          OR OLD."ExploitationForms" IS DISTINCT FROM NEW."ExploitationForms"
          OR OLD."Gender" IS DISTINCT FROM NEW."Gender"
          OR OLD."ApproximateAge" IS DISTINCT FROM NEW."ApproximateAge"
          OR OLD."Nationality" IS DISTINCT FROM NEW."Nationality"
          OR OLD."AgeStatus" IS DISTINCT FROM NEW."AgeStatus"
          OR OLD."GuardianOrganisationId" IS DISTINCT FROM NEW."GuardianOrganisationId"
          OR OLD."ReasonableGroundsAt" IS DISTINCT FROM NEW."ReasonableGroundsAt"
          OR OLD."ReasonableGrounds" IS DISTINCT FROM NEW."ReasonableGrounds"
          OR OLD."ConclusiveAt" IS DISTINCT FROM NEW."ConclusiveAt"
          OR OLD."Conclusive" IS DISTINCT FROM NEW."Conclusive"
          OR OLD."ReflectionStartedAt" IS DISTINCT FROM NEW."ReflectionStartedAt")
    EXECUTE FUNCTION ariadne_statistics_cases();
