-- 0014: intelligence checks (issue 12, ADR 0016) and the change feed that keeps every host's check index fresh (issue 11 item 4).
-- intelligence_changes: one row per write to a report, numbered by the database in the write's own transaction; each host applies
-- the rows after the last one it has seen. intelligence_checks: each check, its purpose, the code it inherited, its approval.
-- intelligence_check_touches: the reports a check hit, for the originator's deconfliction view.
CREATE TABLE "intelligence_changes" (
    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_intelligence_changes" PRIMARY KEY AUTOINCREMENT,
    "ReportId" TEXT NOT NULL,
    "ChangedAt" TEXT NOT NULL
);

CREATE TABLE "intelligence_checks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_intelligence_checks" PRIMARY KEY,
    "AskedByUserId" TEXT NOT NULL,
    "AskedByName" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    "AskedAt" TEXT NOT NULL,
    "Purpose" TEXT NOT NULL,
    "ForReportId" TEXT NULL,
    "ForCaseReference" TEXT NULL,
    "Handling" TEXT NOT NULL,
    "Query" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "BeyondAgency" INTEGER NOT NULL,
    "ApprovedByUserId" TEXT NULL,
    "ApprovedByName" TEXT NULL,
    "ApprovedAt" TEXT NULL,
    "HitsShown" INTEGER NOT NULL,
    "RestrictedMarkers" INTEGER NOT NULL,
    CONSTRAINT "FK_intelligence_checks_organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "intelligence_check_touches" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_intelligence_check_touches" PRIMARY KEY,
    "CheckId" TEXT NOT NULL,
    "ReportId" TEXT NOT NULL,
    "OriginatorOrganisationId" TEXT NOT NULL,
    "Shown" INTEGER NOT NULL,
    "TouchedAt" TEXT NOT NULL,
    CONSTRAINT "FK_intelligence_check_touches_intelligence_checks_CheckId" FOREIGN KEY ("CheckId") REFERENCES "intelligence_checks" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_intelligence_check_touches_CheckId" ON "intelligence_check_touches" ("CheckId");

CREATE INDEX "IX_intelligence_check_touches_OriginatorOrganisationId_TouchedAt" ON "intelligence_check_touches" ("OriginatorOrganisationId", "TouchedAt");

CREATE INDEX "IX_intelligence_check_touches_ReportId" ON "intelligence_check_touches" ("ReportId");

CREATE INDEX "IX_intelligence_checks_AskedByUserId_AskedAt" ON "intelligence_checks" ("AskedByUserId", "AskedAt");

CREATE INDEX "IX_intelligence_checks_OrganisationId_AskedAt" ON "intelligence_checks" ("OrganisationId", "AskedAt");
