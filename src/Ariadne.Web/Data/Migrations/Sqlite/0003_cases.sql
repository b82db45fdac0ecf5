-- 0003: National Referral Mechanism: cases with their participants, outcomes, timeline and handovers; support
-- services, shelters and placements; consent; risk assessments, age assessments, the safety plan, meetings and
-- encrypted documents; run-time settings (the jurisdiction profile). Generated with 'db script Sqlite'.

CREATE TABLE "settings" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_settings" PRIMARY KEY,
    "Json" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedByName" TEXT NOT NULL
);

CREATE TABLE "shelters" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_shelters" PRIMARY KEY,
    "OrganisationId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "AddressCipher" BLOB NOT NULL,
    "IsActive" INTEGER NOT NULL,
    CONSTRAINT "FK_shelters_organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "cases" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cases" PRIMARY KEY,
    "Reference" TEXT NOT NULL,
    "ReferralId" TEXT NULL,
    "ReferringOrganisationId" TEXT NULL,
    "OpenedAt" TEXT NOT NULL,
    "OpenedByName" TEXT NOT NULL,
    "Stage" TEXT NOT NULL,
    "StageChangedAt" TEXT NOT NULL,
    "StageBeforeClosure" TEXT NULL,
    "OwnerOrganisationId" TEXT NOT NULL,
    "OwnerUserId" TEXT NULL,
    "OwnerName" TEXT NULL,
    "NextDueAt" TEXT NULL,
    "NextDueWhat" TEXT NULL,
    "LastActivityAt" TEXT NOT NULL,
    "DecisionTargetAt" TEXT NOT NULL,
    "ReasonableGrounds" TEXT NULL,
    "ReasonableGroundsAt" TEXT NULL,
    "Conclusive" TEXT NULL,
    "ConclusiveAt" TEXT NULL,
    "NegativeDecisionLevel" TEXT NULL,
    "ReconsiderationDueAt" TEXT NULL,
    "ReviewDueOn" TEXT NULL,
    "ReflectionStartedAt" TEXT NULL,
    "ReflectionMinimumEndsOn" TEXT NULL,
    "ReflectionEndsOn" TEXT NULL,
    "ClosureReason" TEXT NULL,
    "ClosedAt" TEXT NULL,
    "PersonName" TEXT NULL,
    "Gender" TEXT NULL,
    "Nationality" TEXT NULL,
    "Language" TEXT NULL,
    "ApproximateAge" INTEGER NULL,
    "DateOfBirth" TEXT NULL,
    "AgeStatus" TEXT NOT NULL,
    "ExploitationForms" TEXT NOT NULL,
    "GuardianOrganisationId" TEXT NULL,
    "GuardianName" TEXT NULL,
    "GuardianAppointedAt" TEXT NULL,
    "GuardianAcknowledgedAt" TEXT NULL,
    "SafetyCoordinatorUserId" TEXT NULL,
    "SafetyCoordinatorName" TEXT NULL,
    "ReturnOrganiser" TEXT NULL,
    "ReturnPlannedAt" TEXT NULL,
    "ReturnPlannedByName" TEXT NULL,
    "ReturnRiskAssessmentId" TEXT NULL,
    "DispositionConsultedParties" TEXT NULL,
    "DispositionSummary" TEXT NULL,
    "DispositionAt" TEXT NULL,
    CONSTRAINT "FK_cases_organisations_OwnerOrganisationId" FOREIGN KEY ("OwnerOrganisationId") REFERENCES "organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_cases_referrals_ReferralId" FOREIGN KEY ("ReferralId") REFERENCES "referrals" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "age_assessments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_age_assessments" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "Method" TEXT NOT NULL,
    "Result" TEXT NOT NULL,
    "AssessedOn" TEXT NOT NULL,
    "AssessedByName" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    CONSTRAINT "FK_age_assessments_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "case_documents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_case_documents" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "ContentCipher" BLOB NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    "RecordedByName" TEXT NOT NULL,
    "RecordedByOrganisationId" TEXT NOT NULL,
    CONSTRAINT "FK_case_documents_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "case_events" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_case_events" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Detail" TEXT NULL,
    "ActorName" TEXT NOT NULL,
    "ActorOrganisationId" TEXT NULL,
    "FromStage" TEXT NULL,
    "ToStage" TEXT NULL,
    CONSTRAINT "FK_case_events_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "case_handovers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_case_handovers" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "FromOrganisationId" TEXT NOT NULL,
    "ToOrganisationId" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "RequestedAt" TEXT NOT NULL,
    "RequestedByName" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "RespondedAt" TEXT NULL,
    "RespondedByName" TEXT NULL,
    "DeclineReason" TEXT NULL,
    CONSTRAINT "FK_case_handovers_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_case_handovers_organisations_FromOrganisationId" FOREIGN KEY ("FromOrganisationId") REFERENCES "organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_handovers_organisations_ToOrganisationId" FOREIGN KEY ("ToOrganisationId") REFERENCES "organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "case_meetings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_case_meetings" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "Purpose" TEXT NOT NULL,
    "LawEnforcementPresent" INTEGER NOT NULL,
    "Venue" TEXT NOT NULL,
    "VenueDescription" TEXT NULL,
    "CounsellorRequested" INTEGER NOT NULL,
    "SafetyCoordinatorInvited" INTEGER NOT NULL,
    "ArrangedByName" TEXT NOT NULL,
    "ArrangedByOrganisationId" TEXT NOT NULL,
    CONSTRAINT "FK_case_meetings_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "case_outcomes" (
    "CaseId" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    "RecordedByName" TEXT NOT NULL,
    CONSTRAINT "PK_case_outcomes" PRIMARY KEY ("CaseId", "Code"),
    CONSTRAINT "FK_case_outcomes_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "case_participants" (
    "CaseId" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "AddedAt" TEXT NOT NULL,
    CONSTRAINT "PK_case_participants" PRIMARY KEY ("CaseId", "OrganisationId"),
    CONSTRAINT "FK_case_participants_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_case_participants_organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "consents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_consents" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "Purpose" TEXT NOT NULL,
    "RecipientOrganisationId" TEXT NOT NULL,
    "DocumentVersion" TEXT NOT NULL,
    "RolesExplained" INTEGER NOT NULL,
    "GivenBy" TEXT NOT NULL,
    "GivenAt" TEXT NOT NULL,
    "RecordedByName" TEXT NOT NULL,
    "RecordedByOrganisationId" TEXT NOT NULL,
    "WithdrawnAt" TEXT NULL,
    "WithdrawnByName" TEXT NULL,
    "WithdrawalNote" TEXT NULL,
    CONSTRAINT "FK_consents_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_consents_organisations_RecipientOrganisationId" FOREIGN KEY ("RecipientOrganisationId") REFERENCES "organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "risk_assessments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_risk_assessments" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "Purpose" TEXT NOT NULL,
    "ThreatToPerson" TEXT NOT NULL,
    "ThreatToFamily" TEXT NOT NULL,
    "ReTrafficking" TEXT NOT NULL,
    "RiskIdentified" INTEGER NOT NULL,
    "Summary" TEXT NOT NULL,
    "ReviewerName" TEXT NOT NULL,
    "AssessedAt" TEXT NOT NULL,
    "AssessedByName" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    CONSTRAINT "FK_risk_assessments_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "safety_actions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_safety_actions" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "DueOn" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "DoneAt" TEXT NULL,
    "RecordedByName" TEXT NOT NULL,
    CONSTRAINT "FK_safety_actions_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "service_proposals" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_service_proposals" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "ServiceCode" TEXT NOT NULL,
    "ProviderOrganisationId" TEXT NOT NULL,
    "ProposedByOrganisationId" TEXT NOT NULL,
    "ProposedByName" TEXT NOT NULL,
    "ProposedAt" TEXT NOT NULL,
    "Note" TEXT NULL,
    "Status" TEXT NOT NULL,
    "RespondedAt" TEXT NULL,
    "RespondedByName" TEXT NULL,
    "StatusReason" TEXT NULL,
    "CompletedAt" TEXT NULL,
    CONSTRAINT "FK_service_proposals_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_service_proposals_organisations_ProposedByOrganisationId" FOREIGN KEY ("ProposedByOrganisationId") REFERENCES "organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_service_proposals_organisations_ProviderOrganisationId" FOREIGN KEY ("ProviderOrganisationId") REFERENCES "organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "shelter_placements" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_shelter_placements" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "ShelterId" TEXT NOT NULL,
    "ProposalId" TEXT NOT NULL,
    "RiskAssessmentId" TEXT NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "EndedAt" TEXT NULL,
    "PlacedByName" TEXT NOT NULL,
    CONSTRAINT "FK_shelter_placements_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_shelter_placements_risk_assessments_RiskAssessmentId" FOREIGN KEY ("RiskAssessmentId") REFERENCES "risk_assessments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_shelter_placements_service_proposals_ProposalId" FOREIGN KEY ("ProposalId") REFERENCES "service_proposals" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_shelter_placements_shelters_ShelterId" FOREIGN KEY ("ShelterId") REFERENCES "shelters" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_age_assessments_CaseId" ON "age_assessments" ("CaseId");

CREATE INDEX "IX_case_documents_CaseId" ON "case_documents" ("CaseId");

CREATE INDEX "IX_case_events_CaseId_At" ON "case_events" ("CaseId", "At");

CREATE INDEX "IX_case_handovers_CaseId" ON "case_handovers" ("CaseId");

CREATE INDEX "IX_case_handovers_FromOrganisationId" ON "case_handovers" ("FromOrganisationId");

CREATE INDEX "IX_case_handovers_Status_ToOrganisationId" ON "case_handovers" ("Status", "ToOrganisationId");

CREATE INDEX "IX_case_handovers_ToOrganisationId" ON "case_handovers" ("ToOrganisationId");

CREATE INDEX "IX_case_meetings_CaseId" ON "case_meetings" ("CaseId");

CREATE INDEX "IX_case_participants_OrganisationId" ON "case_participants" ("OrganisationId");

CREATE INDEX "IX_cases_LastActivityAt" ON "cases" ("LastActivityAt");

CREATE INDEX "IX_cases_OwnerOrganisationId_Stage" ON "cases" ("OwnerOrganisationId", "Stage");

CREATE UNIQUE INDEX "IX_cases_Reference" ON "cases" ("Reference");

CREATE UNIQUE INDEX "IX_cases_ReferralId" ON "cases" ("ReferralId");

CREATE INDEX "IX_cases_Stage_NextDueAt" ON "cases" ("Stage", "NextDueAt");

CREATE INDEX "IX_consents_CaseId" ON "consents" ("CaseId");

CREATE INDEX "IX_consents_RecipientOrganisationId" ON "consents" ("RecipientOrganisationId");

CREATE INDEX "IX_risk_assessments_CaseId_Purpose" ON "risk_assessments" ("CaseId", "Purpose");

CREATE INDEX "IX_safety_actions_CaseId" ON "safety_actions" ("CaseId");

CREATE INDEX "IX_service_proposals_CaseId" ON "service_proposals" ("CaseId");

CREATE INDEX "IX_service_proposals_ProposedByOrganisationId" ON "service_proposals" ("ProposedByOrganisationId");

CREATE INDEX "IX_service_proposals_ProviderOrganisationId_Status" ON "service_proposals" ("ProviderOrganisationId", "Status");

CREATE INDEX "IX_shelter_placements_CaseId" ON "shelter_placements" ("CaseId");

CREATE INDEX "IX_shelter_placements_ProposalId" ON "shelter_placements" ("ProposalId");

CREATE INDEX "IX_shelter_placements_RiskAssessmentId" ON "shelter_placements" ("RiskAssessmentId");

CREATE INDEX "IX_shelter_placements_ShelterId" ON "shelter_placements" ("ShelterId");

CREATE UNIQUE INDEX "IX_shelters_OrganisationId_Name" ON "shelters" ("OrganisationId", "Name");
