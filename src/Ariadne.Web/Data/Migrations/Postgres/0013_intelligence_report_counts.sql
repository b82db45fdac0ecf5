-- 0013: how many reports share one (originator, status, audience), kept by the database in the same transaction as every
-- write to intelligence_reports (issue 10: the exact total of a list in ≤ 20 ms for a viewer who sees tens of thousands of
-- reports; ADR 0015). The list's total is the sum of the count rows the visibility predicate selects. The trigger copies
-- columns, it decides nothing: the audience itself is computed by the dissemination policy in C# (ADR 0014).
-- A report's NULL audience ("not computed", admits no one beyond its unit) is counted under 0, which admits no one either.
CREATE TABLE intelligence_report_counts (
    "OriginatorOrganisationId" uuid NOT NULL,
    "Status" character varying(20) NOT NULL,
    "Audience" integer,
    "Count" bigint NOT NULL
);
CREATE UNIQUE INDEX "IX_intelligence_report_counts_Originator_Status_Audience"
    ON intelligence_report_counts ("OriginatorOrganisationId", "Status", "Audience");

INSERT INTO intelligence_report_counts ("OriginatorOrganisationId", "Status", "Audience", "Count")
SELECT "OriginatorOrganisationId", "Status", COALESCE("Audience", 0), COUNT(*)
FROM intelligence_reports
GROUP BY "OriginatorOrganisationId", "Status", COALESCE("Audience", 0);

CREATE FUNCTION ariadne_intelligence_report_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE intelligence_report_counts SET "Count" = "Count" - 1
        WHERE "OriginatorOrganisationId" = OLD."OriginatorOrganisationId" AND "Status" = OLD."Status"
          AND "Audience" = COALESCE(OLD."Audience", 0);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO intelligence_report_counts ("OriginatorOrganisationId", "Status", "Audience", "Count")
        VALUES (NEW."OriginatorOrganisationId", NEW."Status", COALESCE(NEW."Audience", 0), 1)
        ON CONFLICT ("OriginatorOrganisationId", "Status", "Audience")
        DO UPDATE SET "Count" = intelligence_report_counts."Count" + 1;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER intelligence_report_counts_on_insert_delete AFTER INSERT OR DELETE ON intelligence_reports
    FOR EACH ROW EXECUTE FUNCTION ariadne_intelligence_report_counts();
CREATE TRIGGER intelligence_report_counts_on_update AFTER UPDATE OF "OriginatorOrganisationId", "Status", "Audience" ON intelligence_reports
    FOR EACH ROW
    WHEN (OLD."OriginatorOrganisationId" IS DISTINCT FROM NEW."OriginatorOrganisationId" OR OLD."Status" IS DISTINCT FROM NEW."Status"
          OR COALESCE(OLD."Audience", 0) <> COALESCE(NEW."Audience", 0))
    EXECUTE FUNCTION ariadne_intelligence_report_counts();
