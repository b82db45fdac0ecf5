-- 0012: sanitised thematic intelligence (issue 10 item 8, V-06: "a separate store with no personal identifiers").
-- One row per sanitised version of a report: coded facts, a title and an (encrypted) text, released by a supervisor.
CREATE TABLE intelligence_sanitised_versions (
    "Id" uuid NOT NULL,
    "Reference" character varying(20) NOT NULL,
    "SourceReportId" uuid NOT NULL,
    "OriginatorOrganisationId" uuid NOT NULL,
    "AuthorUserId" uuid NOT NULL,
    "AuthorName" character varying(200) NOT NULL,
    "AuthorOrganisationId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Status" character varying(20) NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Summary" text NOT NULL,
    "ExploitationTypes" character varying(400) NOT NULL,
    "Countries" character varying(1000) NOT NULL,
    "ModusOperandiTags" character varying(200) NOT NULL,
    "Period" character varying(7) NOT NULL,
    "ReleasedByUserId" uuid,
    "ReleasedByName" character varying(200),
    "ReleasedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_intelligence_sanitised_versions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_intelligence_sanitised_versions_intelligence_reports_Source~" FOREIGN KEY ("SourceReportId") REFERENCES intelligence_reports ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_intelligence_sanitised_versions_organisations_OriginatorOrg~" FOREIGN KEY ("OriginatorOrganisationId") REFERENCES organisations ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_intelligence_sanitised_versions_Reference" ON intelligence_sanitised_versions ("Reference");

CREATE INDEX "IX_intelligence_sanitised_versions_SourceReportId" ON intelligence_sanitised_versions ("SourceReportId");

CREATE INDEX "IX_intelligence_sanitised_versions_OriginatorOrganisationId" ON intelligence_sanitised_versions ("OriginatorOrganisationId");

CREATE INDEX "IX_intelligence_sanitised_versions_Status_CreatedAt" ON intelligence_sanitised_versions ("Status", "CreatedAt");

-- Reports sent to another organisation (issue 10 item 7): who, to whom, when, why, under which code, on whose approval.
CREATE TABLE intelligence_disseminations (
    "Id" uuid NOT NULL,
    "ReportId" uuid NOT NULL,
    "FromOrganisationId" uuid NOT NULL,
    "ToOrganisationId" uuid NOT NULL,
    "SentByUserId" uuid NOT NULL,
    "SentByName" character varying(200) NOT NULL,
    "SentAt" timestamp with time zone NOT NULL,
    "Reason" character varying(1000) NOT NULL,
    "Handling" character varying(400) NOT NULL,
    "ApprovedByUserId" uuid,
    CONSTRAINT "PK_intelligence_disseminations" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_intelligence_disseminations_intelligence_reports_ReportId" FOREIGN KEY ("ReportId") REFERENCES intelligence_reports ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_intelligence_disseminations_organisations_ToOrganisationId" FOREIGN KEY ("ToOrganisationId") REFERENCES organisations ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_intelligence_disseminations_ReportId" ON intelligence_disseminations ("ReportId");

CREATE INDEX "IX_intelligence_disseminations_ToOrganisationId_SentAt" ON intelligence_disseminations ("ToOrganisationId", "SentAt");
