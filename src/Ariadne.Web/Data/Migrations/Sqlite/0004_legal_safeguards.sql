-- Legal safeguards (issue 9): a return plan suspended by the safeguard (R-LEG-02, CH-PR-19), the person's flags on
-- the case and their history (R-TR-01, R-IND-07), and risk findings made with the guardian (CH-PR-19).
ALTER TABLE "cases" ADD COLUMN "ReturnSuspendedAt" TEXT NULL;
ALTER TABLE "cases" ADD COLUMN "ReturnSuspendedBecause" TEXT NULL;
ALTER TABLE "cases" ADD COLUMN "PresumedVictim" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "cases" ADD COLUMN "SuspectedOffender" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "risk_assessments" ADD COLUMN "WithGuardian" INTEGER NOT NULL DEFAULT 0;

-- Cases opened before this script take their flags from the referral they were opened from.
UPDATE "cases" SET
    "PresumedVictim" = COALESCE((SELECT r."PresumedVictim" FROM "referrals" r WHERE r."Id" = "cases"."ReferralId"), 0),
    "SuspectedOffender" = COALESCE((SELECT r."OffenderFlag" FROM "referrals" r WHERE r."Id" = "cases"."ReferralId"), 0);

CREATE TABLE "case_status_changes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_case_status_changes" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "EffectiveAt" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    "PresumedVictim" INTEGER NOT NULL,
    "SuspectedOffender" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    "RecordedByName" TEXT NOT NULL,
    "RecordedByOrganisationId" TEXT NULL,
    CONSTRAINT "FK_case_status_changes_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_case_status_changes_CaseId_EffectiveAt" ON "case_status_changes" ("CaseId", "EffectiveAt");
