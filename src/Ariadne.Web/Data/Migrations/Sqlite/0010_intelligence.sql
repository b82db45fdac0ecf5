-- 0010: intelligence (issue 10). Organisations gain their country (ISO 3166-1 alpha-2), the agency or force they are a
-- unit of, and the category in which they receive intelligence; users gain the authority level for special handling.
-- Existing organisations get 'XX' (ISO's user-assigned code: "not stated"), which the dissemination policy never takes for
-- anyone's own country nor for an EU member, so nothing reaches them that needs a country until an administrator sets it.
-- Then the report tables: reports, structured items (KD-02..09), analysts' evaluations, handling changes.
ALTER TABLE "organisations" ADD COLUMN "Country" TEXT NOT NULL DEFAULT 'XX';
ALTER TABLE "organisations" ADD COLUMN "AgencyId" TEXT NULL CONSTRAINT "FK_organisations_organisations_AgencyId" REFERENCES "organisations" ("Id") ON DELETE RESTRICT;
ALTER TABLE "organisations" ADD COLUMN "IntelligenceCategory" TEXT NULL;
ALTER TABLE "users" ADD COLUMN "AuthorityLevel" INTEGER NULL;
CREATE INDEX "IX_organisations_AgencyId" ON "organisations" ("AgencyId");

CREATE TABLE "intelligence_reports" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_intelligence_reports" PRIMARY KEY,
    "Reference" TEXT NOT NULL,
    "OriginatorOrganisationId" TEXT NOT NULL,
    "AuthorUserId" TEXT NOT NULL,
    "AuthorName" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "Status" TEXT NOT NULL,
    "GradingSystem" TEXT NULL,
    "Source5" TEXT NULL,
    "Intelligence5" TEXT NULL,
    "Handling5" TEXT NULL,
    "Source3" TEXT NULL,
    "Intelligence3" TEXT NULL,
    "Handling3" TEXT NULL,
    "SourceReliability4" INTEGER NULL,
    "InformationValidity4" INTEGER NULL,
    "Conditions" TEXT NULL,
    "SpecialHandling" INTEGER NOT NULL,
    "ExploitationTypes" TEXT NOT NULL,
    "SourceType" TEXT NULL,
    "SourceOfficer" TEXT NULL,
    "SourceContact" TEXT NULL,
    "ModusOperandiTags" TEXT NOT NULL,
    "ModusOperandi" TEXT NULL,
    "FreeText" TEXT NULL,
    "LinkedReference" TEXT NULL,
    "RiskAssessment" TEXT NULL,
    "RiskAssessedByUserId" TEXT NULL,
    "RiskAssessedAt" TEXT NULL,
    "RiskApprovedByUserId" TEXT NULL,
    "RiskApprovedByAgencyId" TEXT NULL,
    "RiskApprovedByLevel" INTEGER NULL,
    "RiskApprovedAt" TEXT NULL,
    "DisseminationApprovedByUserId" TEXT NULL,
    "DisseminationApprovedByAgencyId" TEXT NULL,
    "DisseminationApprovedByLevel" INTEGER NULL,
    "DisseminationApprovedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_intelligence_reports_organisations_OriginatorOrganisationId" FOREIGN KEY ("OriginatorOrganisationId") REFERENCES "organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "intelligence_evaluations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_intelligence_evaluations" PRIMARY KEY,
    "ReportId" TEXT NOT NULL,
    "AnalystUserId" TEXT NOT NULL,
    "AnalystName" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    "GradingSystem" TEXT NOT NULL,
    "Source5" TEXT NULL,
    "Intelligence5" TEXT NULL,
    "Source3" TEXT NULL,
    "Intelligence3" TEXT NULL,
    "SourceReliability4" INTEGER NULL,
    "InformationValidity4" INTEGER NULL,
    "Comment" TEXT NULL,
    CONSTRAINT "FK_intelligence_evaluations_intelligence_reports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "intelligence_reports" ("Id") ON DELETE CASCADE
);

CREATE TABLE "intelligence_handling_changes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_intelligence_handling_changes" PRIMARY KEY,
    "ReportId" TEXT NOT NULL,
    "ChangedByUserId" TEXT NOT NULL,
    "ChangedByName" TEXT NOT NULL,
    "ChangedAt" TEXT NOT NULL,
    "From" TEXT NOT NULL,
    "To" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "Widens" INTEGER NOT NULL,
    CONSTRAINT "FK_intelligence_handling_changes_intelligence_reports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "intelligence_reports" ("Id") ON DELETE CASCADE
);

CREATE TABLE "intelligence_items" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_intelligence_items" PRIMARY KEY,
    "ReportId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "SubKind" TEXT NULL,
    "Role" TEXT NULL,
    "Value" TEXT NULL,
    "NormalisedKey" TEXT NULL,
    "Country" TEXT NULL,
    "Details" TEXT NULL,
    CONSTRAINT "FK_intelligence_items_intelligence_reports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "intelligence_reports" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_intelligence_evaluations_ReportId" ON "intelligence_evaluations" ("ReportId");

CREATE INDEX "IX_intelligence_handling_changes_ReportId" ON "intelligence_handling_changes" ("ReportId");

CREATE INDEX "IX_intelligence_items_NormalisedKey" ON "intelligence_items" ("NormalisedKey");

CREATE INDEX "IX_intelligence_items_ReportId" ON "intelligence_items" ("ReportId");

CREATE INDEX "IX_intelligence_reports_OriginatorOrganisationId_CreatedAt" ON "intelligence_reports" ("OriginatorOrganisationId", "CreatedAt");

CREATE UNIQUE INDEX "IX_intelligence_reports_Reference" ON "intelligence_reports" ("Reference");

CREATE INDEX "IX_intelligence_reports_Status_CreatedAt" ON "intelligence_reports" ("Status", "CreatedAt");
