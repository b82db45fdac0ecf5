-- 0010: intelligence (issue 10). Organisations gain their country (ISO 3166-1 alpha-2), the agency or force they are a
-- unit of, and the category in which they receive intelligence; users gain the authority level for special handling.
-- Existing organisations get 'XX' (ISO's user-assigned code: "not stated"), which the dissemination policy never takes for
-- anyone's own country nor for an EU member, so nothing reaches them that needs a country until an administrator sets it.
-- Then the report tables: reports, structured items (KD-02..09), analysts' evaluations, handling changes.
ALTER TABLE organisations ADD COLUMN "Country" character varying(2) NOT NULL DEFAULT 'XX';
ALTER TABLE organisations ALTER COLUMN "Country" DROP DEFAULT;
ALTER TABLE organisations ADD COLUMN "AgencyId" uuid;
ALTER TABLE organisations ADD CONSTRAINT "FK_organisations_organisations_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES organisations ("Id") ON DELETE RESTRICT;
ALTER TABLE organisations ADD COLUMN "IntelligenceCategory" character varying(40);
ALTER TABLE users ADD COLUMN "AuthorityLevel" integer;
CREATE INDEX "IX_organisations_AgencyId" ON organisations ("AgencyId");

CREATE TABLE intelligence_reports (
    "Id" uuid NOT NULL,
    "Reference" character varying(20) NOT NULL,
    "OriginatorOrganisationId" uuid NOT NULL,
    "AuthorUserId" uuid NOT NULL,
    "AuthorName" character varying(200) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "SubmittedAt" timestamp with time zone,
    "Status" character varying(20) NOT NULL,
    "GradingSystem" character varying(40),
    "Source5" character varying(60),
    "Intelligence5" character varying(60),
    "Handling5" character varying(60),
    "Source3" character varying(20),
    "Intelligence3" character varying(20),
    "Handling3" character varying(20),
    "SourceReliability4" integer,
    "InformationValidity4" integer,
    "Conditions" character varying(2000),
    "SpecialHandling" boolean NOT NULL,
    "ExploitationTypes" character varying(400) NOT NULL,
    "SourceType" character varying(10),
    "SourceOfficer" character varying(200),
    "SourceContact" character varying(200),
    "ModusOperandiTags" character varying(200) NOT NULL,
    "ModusOperandi" text,
    "FreeText" text,
    "LinkedReference" character varying(40),
    "RiskAssessment" text,
    "RiskAssessedByUserId" uuid,
    "RiskAssessedAt" timestamp with time zone,
    "RiskApprovedByUserId" uuid,
    "RiskApprovedByAgencyId" uuid,
    "RiskApprovedByLevel" integer,
    "RiskApprovedAt" timestamp with time zone,
    "DisseminationApprovedByUserId" uuid,
    "DisseminationApprovedByAgencyId" uuid,
    "DisseminationApprovedByLevel" integer,
    "DisseminationApprovedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_intelligence_reports" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_intelligence_reports_organisations_OriginatorOrganisationId" FOREIGN KEY ("OriginatorOrganisationId") REFERENCES organisations ("Id") ON DELETE RESTRICT
);

CREATE TABLE intelligence_evaluations (
    "Id" uuid NOT NULL,
    "ReportId" uuid NOT NULL,
    "AnalystUserId" uuid NOT NULL,
    "AnalystName" character varying(200) NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    "GradingSystem" character varying(40) NOT NULL,
    "Source5" character varying(60),
    "Intelligence5" character varying(60),
    "Source3" character varying(20),
    "Intelligence3" character varying(20),
    "SourceReliability4" integer,
    "InformationValidity4" integer,
    "Comment" text,
    CONSTRAINT "PK_intelligence_evaluations" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_intelligence_evaluations_intelligence_reports_ReportId" FOREIGN KEY ("ReportId") REFERENCES intelligence_reports ("Id") ON DELETE CASCADE
);

CREATE TABLE intelligence_handling_changes (
    "Id" uuid NOT NULL,
    "ReportId" uuid NOT NULL,
    "ChangedByUserId" uuid NOT NULL,
    "ChangedByName" character varying(200) NOT NULL,
    "ChangedAt" timestamp with time zone NOT NULL,
    "From" character varying(1000) NOT NULL,
    "To" character varying(1000) NOT NULL,
    "Reason" character varying(2000) NOT NULL,
    "Widens" boolean NOT NULL,
    CONSTRAINT "PK_intelligence_handling_changes" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_intelligence_handling_changes_intelligence_reports_ReportId" FOREIGN KEY ("ReportId") REFERENCES intelligence_reports ("Id") ON DELETE CASCADE
);

CREATE TABLE intelligence_items (
    "Id" uuid NOT NULL,
    "ReportId" uuid NOT NULL,
    "Kind" character varying(20) NOT NULL,
    "SubKind" character varying(40),
    "Role" character varying(40),
    "Value" text,
    "NormalisedKey" character varying(200),
    "Country" character varying(2),
    "Details" text,
    CONSTRAINT "PK_intelligence_items" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_intelligence_items_intelligence_reports_ReportId" FOREIGN KEY ("ReportId") REFERENCES intelligence_reports ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_intelligence_evaluations_ReportId" ON intelligence_evaluations ("ReportId");

CREATE INDEX "IX_intelligence_handling_changes_ReportId" ON intelligence_handling_changes ("ReportId");

CREATE INDEX "IX_intelligence_items_NormalisedKey" ON intelligence_items ("NormalisedKey");

CREATE INDEX "IX_intelligence_items_ReportId" ON intelligence_items ("ReportId");

CREATE INDEX "IX_intelligence_reports_OriginatorOrganisationId_CreatedAt" ON intelligence_reports ("OriginatorOrganisationId", "CreatedAt");

CREATE UNIQUE INDEX "IX_intelligence_reports_Reference" ON intelligence_reports ("Reference");

CREATE INDEX "IX_intelligence_reports_Status_CreatedAt" ON intelligence_reports ("Status", "CreatedAt");
