-- 0002: frontline identification: screenings (with ticked indicators, mandatory actions done, information
-- sheets given), referrals and anonymous notifications. Generated with 'db script Postgres'.

CREATE TABLE screenings (
    "Id" uuid NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "OfficerUserId" uuid NOT NULL,
    "OfficerName" character varying(200) NOT NULL,
    "Status" character varying(30) NOT NULL,
    "CatalogueVersion" character varying(20) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "CompletedAt" timestamp with time zone,
    "IntakeChannel" character varying(10),
    "Place" character varying(200),
    "EncounteredAt" timestamp with time zone,
    "ColleaguePresent" character varying(200),
    "NameKind" character varying(20) NOT NULL,
    "PersonName" character varying(200),
    "ApproximateAge" integer,
    "SuspectedMinor" boolean NOT NULL,
    "WithParentOrGuardian" boolean NOT NULL,
    "Gender" character varying(20) NOT NULL,
    "Nationality" character varying(200),
    "Language" character varying(200),
    "InterpreterNeeded" boolean NOT NULL,
    "Accompanied" boolean NOT NULL,
    "CompanionSeemsToControl" boolean NOT NULL,
    "SeparatedFromCompanion" boolean NOT NULL,
    "CompanionDescription" character varying(1000),
    "ImmediateDanger" boolean NOT NULL,
    "DangerDetails" character varying(1000),
    "Statement" character varying(20000),
    "PresumedVictim" boolean NOT NULL,
    "PresumedVictimDeclaredAt" timestamp with time zone,
    "OffenderFlag" boolean NOT NULL,
    "SuspectedOffence" character varying(1000),
    CONSTRAINT "PK_screenings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_screenings_organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES organisations ("Id") ON DELETE RESTRICT
);

CREATE TABLE screening_indicators (
    "ScreeningId" uuid NOT NULL,
    "IndicatorId" character varying(20) NOT NULL,
    "Note" character varying(1000),
    CONSTRAINT "PK_screening_indicators" PRIMARY KEY ("ScreeningId", "IndicatorId"),
    CONSTRAINT "FK_screening_indicators_screenings_ScreeningId" FOREIGN KEY ("ScreeningId") REFERENCES screenings ("Id") ON DELETE CASCADE
);

CREATE TABLE screening_actions (
    "ScreeningId" uuid NOT NULL,
    "ActionId" character varying(20) NOT NULL,
    "DoneAt" timestamp with time zone NOT NULL,
    "DoneByUserId" uuid NOT NULL,
    "DoneByName" character varying(200) NOT NULL,
    CONSTRAINT "PK_screening_actions" PRIMARY KEY ("ScreeningId", "ActionId"),
    CONSTRAINT "FK_screening_actions_screenings_ScreeningId" FOREIGN KEY ("ScreeningId") REFERENCES screenings ("Id") ON DELETE CASCADE
);

CREATE TABLE information_sheets_given (
    "Id" uuid NOT NULL,
    "ScreeningId" uuid NOT NULL,
    "Language" character varying(10) NOT NULL,
    "SheetVersion" character varying(20) NOT NULL,
    "GivenAt" timestamp with time zone NOT NULL,
    "GivenByUserId" uuid NOT NULL,
    "GivenByName" character varying(200) NOT NULL,
    CONSTRAINT "PK_information_sheets_given" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_information_sheets_given_screenings_ScreeningId" FOREIGN KEY ("ScreeningId") REFERENCES screenings ("Id") ON DELETE CASCADE
);

CREATE TABLE referrals (
    "Id" uuid NOT NULL,
    "Reference" character varying(20) NOT NULL,
    "ScreeningId" uuid NOT NULL,
    "Kind" character varying(30) NOT NULL,
    "FromOrganisationId" uuid NOT NULL,
    "ToOrganisationId" uuid NOT NULL,
    "ReferredByUserId" uuid NOT NULL,
    "ReferredByName" character varying(200) NOT NULL,
    "ReferredAt" timestamp with time zone NOT NULL,
    "Consent" character varying(30) NOT NULL,
    "Status" character varying(30) NOT NULL,
    "AcknowledgedAt" timestamp with time zone,
    "AcknowledgedByName" character varying(200),
    "PresumedVictim" boolean NOT NULL,
    "PresumedMinor" boolean NOT NULL,
    "ImmediateDanger" boolean NOT NULL,
    "OffenderFlag" boolean NOT NULL,
    "StatementText" text NOT NULL,
    CONSTRAINT "PK_referrals" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_referrals_organisations_FromOrganisationId" FOREIGN KEY ("FromOrganisationId") REFERENCES organisations ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_referrals_organisations_ToOrganisationId" FOREIGN KEY ("ToOrganisationId") REFERENCES organisations ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_referrals_screenings_ScreeningId" FOREIGN KEY ("ScreeningId") REFERENCES screenings ("Id") ON DELETE RESTRICT
);

CREATE TABLE anonymous_notifications (
    "Id" uuid NOT NULL,
    "Month" character varying(7) NOT NULL,
    "ReportingOrganisationType" character varying(40) NOT NULL,
    "IntakeChannel" character varying(10),
    "AgeGroup" character varying(20) NOT NULL,
    "Gender" character varying(20) NOT NULL,
    "Forms" character varying(400) NOT NULL,
    "IndicatorCategories" character varying(200) NOT NULL,
    "IndicatorCount" integer NOT NULL,
    "PresumedVictim" boolean NOT NULL,
    CONSTRAINT "PK_anonymous_notifications" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_anonymous_notifications_Month" ON anonymous_notifications ("Month");

CREATE INDEX "IX_information_sheets_given_ScreeningId" ON information_sheets_given ("ScreeningId");

CREATE INDEX "IX_referrals_FromOrganisationId" ON referrals ("FromOrganisationId");

CREATE UNIQUE INDEX "IX_referrals_Reference" ON referrals ("Reference");

CREATE INDEX "IX_referrals_ScreeningId" ON referrals ("ScreeningId");

CREATE INDEX "IX_referrals_ToOrganisationId_Status" ON referrals ("ToOrganisationId", "Status");

CREATE INDEX "IX_screenings_OrganisationId_Status_UpdatedAt" ON screenings ("OrganisationId", "Status", "UpdatedAt");
