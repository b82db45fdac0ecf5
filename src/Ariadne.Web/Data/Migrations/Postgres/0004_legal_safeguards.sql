-- Legal safeguards (issue 9): a return plan suspended by the safeguard (R-LEG-02, CH-PR-19), the person's flags on
-- the case and their history (R-TR-01, R-IND-07), and risk findings made with the guardian (CH-PR-19).
ALTER TABLE cases ADD COLUMN "ReturnSuspendedAt" timestamp with time zone;
ALTER TABLE cases ADD COLUMN "ReturnSuspendedBecause" character varying(200);
ALTER TABLE cases ADD COLUMN "PresumedVictim" boolean NOT NULL DEFAULT FALSE;
ALTER TABLE cases ADD COLUMN "SuspectedOffender" boolean NOT NULL DEFAULT FALSE;
ALTER TABLE risk_assessments ADD COLUMN "WithGuardian" boolean NOT NULL DEFAULT FALSE;

-- Cases opened before this script take their flags from the referral they were opened from.
UPDATE cases SET "PresumedVictim" = r."PresumedVictim", "SuspectedOffender" = r."OffenderFlag"
FROM referrals r WHERE r."Id" = cases."ReferralId";

CREATE TABLE case_status_changes (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "EffectiveAt" timestamp with time zone NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    "PresumedVictim" boolean NOT NULL,
    "SuspectedOffender" boolean NOT NULL,
    "Reason" character varying(2000) NOT NULL,
    "RecordedByName" character varying(200) NOT NULL,
    "RecordedByOrganisationId" uuid,
    CONSTRAINT "PK_case_status_changes" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_case_status_changes_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_case_status_changes_CaseId_EffectiveAt" ON case_status_changes ("CaseId", "EffectiveAt");
