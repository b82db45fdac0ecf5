-- 0002: frontline identification: screenings (with ticked indicators, mandatory actions done, information
-- sheets given), referrals and anonymous notifications. Generated with 'db script Sqlite'.

CREATE TABLE "screenings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_screenings" PRIMARY KEY,
    "OrganisationId" TEXT NOT NULL,
    "OfficerUserId" TEXT NOT NULL,
    "OfficerName" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CatalogueVersion" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CompletedAt" TEXT NULL,
    "IntakeChannel" TEXT NULL,
    "Place" TEXT NULL,
    "EncounteredAt" TEXT NULL,
    "ColleaguePresent" TEXT NULL,
    "NameKind" TEXT NOT NULL,
    "PersonName" TEXT NULL,
    "ApproximateAge" INTEGER NULL,
    "SuspectedMinor" INTEGER NOT NULL,
    "WithParentOrGuardian" INTEGER NOT NULL,
    "Gender" TEXT NOT NULL,
    "Nationality" TEXT NULL,
    "Language" TEXT NULL,
    "InterpreterNeeded" INTEGER NOT NULL,
    "Accompanied" INTEGER NOT NULL,
    "CompanionSeemsToControl" INTEGER NOT NULL,
    "SeparatedFromCompanion" INTEGER NOT NULL,
    "CompanionDescription" TEXT NULL,
    "ImmediateDanger" INTEGER NOT NULL,
    "DangerDetails" TEXT NULL,
    "Statement" TEXT NULL,
    "PresumedVictim" INTEGER NOT NULL,
    "PresumedVictimDeclaredAt" TEXT NULL,
    "OffenderFlag" INTEGER NOT NULL,
    "SuspectedOffence" TEXT NULL,
    CONSTRAINT "FK_screenings_organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "screening_indicators" (
    "ScreeningId" TEXT NOT NULL,
    "IndicatorId" TEXT NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "PK_screening_indicators" PRIMARY KEY ("ScreeningId", "IndicatorId"),
    CONSTRAINT "FK_screening_indicators_screenings_ScreeningId" FOREIGN KEY ("ScreeningId") REFERENCES "screenings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "screening_actions" (
    "ScreeningId" TEXT NOT NULL,
    "ActionId" TEXT NOT NULL,
    "DoneAt" TEXT NOT NULL,
    "DoneByUserId" TEXT NOT NULL,
    "DoneByName" TEXT NOT NULL,
    CONSTRAINT "PK_screening_actions" PRIMARY KEY ("ScreeningId", "ActionId"),
    CONSTRAINT "FK_screening_actions_screenings_ScreeningId" FOREIGN KEY ("ScreeningId") REFERENCES "screenings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "information_sheets_given" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_information_sheets_given" PRIMARY KEY,
    "ScreeningId" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "SheetVersion" TEXT NOT NULL,
    "GivenAt" TEXT NOT NULL,
    "GivenByUserId" TEXT NOT NULL,
    "GivenByName" TEXT NOT NULL,
    CONSTRAINT "FK_information_sheets_given_screenings_ScreeningId" FOREIGN KEY ("ScreeningId") REFERENCES "screenings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "referrals" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_referrals" PRIMARY KEY,
    "Reference" TEXT NOT NULL,
    "ScreeningId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "FromOrganisationId" TEXT NOT NULL,
    "ToOrganisationId" TEXT NOT NULL,
    "ReferredByUserId" TEXT NOT NULL,
    "ReferredByName" TEXT NOT NULL,
    "ReferredAt" TEXT NOT NULL,
    "Consent" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "AcknowledgedAt" TEXT NULL,
    "AcknowledgedByName" TEXT NULL,
    "PresumedVictim" INTEGER NOT NULL,
    "PresumedMinor" INTEGER NOT NULL,
    "ImmediateDanger" INTEGER NOT NULL,
    "OffenderFlag" INTEGER NOT NULL,
    "StatementText" TEXT NOT NULL,
    CONSTRAINT "FK_referrals_organisations_FromOrganisationId" FOREIGN KEY ("FromOrganisationId") REFERENCES "organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_referrals_organisations_ToOrganisationId" FOREIGN KEY ("ToOrganisationId") REFERENCES "organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_referrals_screenings_ScreeningId" FOREIGN KEY ("ScreeningId") REFERENCES "screenings" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "anonymous_notifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_anonymous_notifications" PRIMARY KEY,
    "Month" TEXT NOT NULL,
    "ReportingOrganisationType" TEXT NOT NULL,
    "IntakeChannel" TEXT NULL,
    "AgeGroup" TEXT NOT NULL,
    "Gender" TEXT NOT NULL,
    "Forms" TEXT NOT NULL,
    "IndicatorCategories" TEXT NOT NULL,
    "IndicatorCount" INTEGER NOT NULL,
    "PresumedVictim" INTEGER NOT NULL
);

CREATE INDEX "IX_anonymous_notifications_Month" ON "anonymous_notifications" ("Month");

CREATE INDEX "IX_information_sheets_given_ScreeningId" ON "information_sheets_given" ("ScreeningId");

CREATE INDEX "IX_referrals_FromOrganisationId" ON "referrals" ("FromOrganisationId");

CREATE UNIQUE INDEX "IX_referrals_Reference" ON "referrals" ("Reference");

CREATE INDEX "IX_referrals_ScreeningId" ON "referrals" ("ScreeningId");

CREATE INDEX "IX_referrals_ToOrganisationId_Status" ON "referrals" ("ToOrganisationId", "Status");

CREATE INDEX "IX_screenings_OrganisationId_Status_UpdatedAt" ON "screenings" ("OrganisationId", "Status", "UpdatedAt");
