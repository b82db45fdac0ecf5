-- 0012: sanitised thematic intelligence (issue 10 item 8, V-06: "a separate store with no personal identifiers").
-- One row per sanitised version of a report: coded facts, a title and an (encrypted) text, released by a supervisor.
CREATE TABLE "intelligence_sanitised_versions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_intelligence_sanitised_versions" PRIMARY KEY,
    "Reference" TEXT NOT NULL,
    "SourceReportId" TEXT NOT NULL,
    "OriginatorOrganisationId" TEXT NOT NULL,
    "AuthorUserId" TEXT NOT NULL,
    "AuthorName" TEXT NOT NULL,
    "AuthorOrganisationId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "ExploitationTypes" TEXT NOT NULL,
    "Countries" TEXT NOT NULL,
    "ModusOperandiTags" TEXT NOT NULL,
    "Period" TEXT NOT NULL,
    "ReleasedByUserId" TEXT NULL,
    "ReleasedByName" TEXT NULL,
    "ReleasedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_intelligence_sanitised_versions_intelligence_reports_SourceReportId" FOREIGN KEY ("SourceReportId") REFERENCES "intelligence_reports" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_intelligence_sanitised_versions_organisations_OriginatorOrganisationId" FOREIGN KEY ("OriginatorOrganisationId") REFERENCES "organisations" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_intelligence_sanitised_versions_Reference" ON "intelligence_sanitised_versions" ("Reference");

CREATE INDEX "IX_intelligence_sanitised_versions_SourceReportId" ON "intelligence_sanitised_versions" ("SourceReportId");

CREATE INDEX "IX_intelligence_sanitised_versions_OriginatorOrganisationId" ON "intelligence_sanitised_versions" ("OriginatorOrganisationId");

CREATE INDEX "IX_intelligence_sanitised_versions_Status_CreatedAt" ON "intelligence_sanitised_versions" ("Status", "CreatedAt");

-- Reports sent to another organisation (issue 10 item 7): who, to whom, when, why, under which code, on whose approval.
CREATE TABLE "intelligence_disseminations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_intelligence_disseminations" PRIMARY KEY,
    "ReportId" TEXT NOT NULL,
    "FromOrganisationId" TEXT NOT NULL,
    "ToOrganisationId" TEXT NOT NULL,
    "SentByUserId" TEXT NOT NULL,
    "SentByName" TEXT NOT NULL,
    "SentAt" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "Handling" TEXT NOT NULL,
    "ApprovedByUserId" TEXT NULL,
    CONSTRAINT "FK_intelligence_disseminations_intelligence_reports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "intelligence_reports" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_intelligence_disseminations_organisations_ToOrganisationId" FOREIGN KEY ("ToOrganisationId") REFERENCES "organisations" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_intelligence_disseminations_ReportId" ON "intelligence_disseminations" ("ReportId");

CREATE INDEX "IX_intelligence_disseminations_ToOrganisationId_SentAt" ON "intelligence_disseminations" ("ToOrganisationId", "SentAt");
