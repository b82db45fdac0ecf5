-- 0003: National Referral Mechanism: cases with their participants, outcomes, timeline and handovers; support
-- services, shelters and placements; consent; risk assessments, age assessments, the safety plan, meetings and
-- encrypted documents; run-time settings (the jurisdiction profile). Generated with 'db script Postgres'.

CREATE TABLE settings (
    "Key" character varying(50) NOT NULL,
    "Json" text NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "UpdatedByName" character varying(200) NOT NULL,
    CONSTRAINT "PK_settings" PRIMARY KEY ("Key")
);

CREATE TABLE shelters (
    "Id" uuid NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "Name" character varying(100) NOT NULL,
    "Type" character varying(30) NOT NULL,
    "AddressCipher" bytea NOT NULL,
    "IsActive" boolean NOT NULL,
    CONSTRAINT "PK_shelters" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_shelters_organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES organisations ("Id") ON DELETE RESTRICT
);

CREATE TABLE cases (
    "Id" uuid NOT NULL,
    "Reference" character varying(20) NOT NULL,
    "ReferralId" uuid,
    "ReferringOrganisationId" uuid,
    "OpenedAt" timestamp with time zone NOT NULL,
    "OpenedByName" character varying(200) NOT NULL,
    "Stage" character varying(30) NOT NULL,
    "StageChangedAt" timestamp with time zone NOT NULL,
    "StageBeforeClosure" character varying(30),
    "OwnerOrganisationId" uuid NOT NULL,
    "OwnerUserId" uuid,
    "OwnerName" character varying(200),
    "NextDueAt" timestamp with time zone,
    "NextDueWhat" character varying(100),
    "LastActivityAt" timestamp with time zone NOT NULL,
    "DecisionTargetAt" timestamp with time zone NOT NULL,
    "ReasonableGrounds" character varying(30),
    "ReasonableGroundsAt" timestamp with time zone,
    "Conclusive" character varying(30),
    "ConclusiveAt" timestamp with time zone,
    "NegativeDecisionLevel" character varying(30),
    "ReconsiderationDueAt" timestamp with time zone,
    "ReviewDueOn" date,
    "ReflectionStartedAt" timestamp with time zone,
    "ReflectionMinimumEndsOn" date,
    "ReflectionEndsOn" date,
    "ClosureReason" character varying(30),
    "ClosedAt" timestamp with time zone,
    "PersonName" character varying(200),
    "Gender" character varying(20),
    "Nationality" character varying(200),
    "Language" character varying(200),
    "ApproximateAge" integer,
    "DateOfBirth" date,
    "AgeStatus" character varying(30) NOT NULL,
    "ExploitationForms" character varying(400) NOT NULL,
    "GuardianOrganisationId" uuid,
    "GuardianName" character varying(200),
    "GuardianAppointedAt" timestamp with time zone,
    "GuardianAcknowledgedAt" timestamp with time zone,
    "SafetyCoordinatorUserId" uuid,
    "SafetyCoordinatorName" character varying(200),
    "ReturnOrganiser" character varying(10),
    "ReturnPlannedAt" timestamp with time zone,
    "ReturnPlannedByName" character varying(200),
    "ReturnRiskAssessmentId" uuid,
    "DispositionConsultedParties" character varying(200),
    "DispositionSummary" character varying(2000),
    "DispositionAt" timestamp with time zone,
    CONSTRAINT "PK_cases" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_cases_organisations_OwnerOrganisationId" FOREIGN KEY ("OwnerOrganisationId") REFERENCES organisations ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_cases_referrals_ReferralId" FOREIGN KEY ("ReferralId") REFERENCES referrals ("Id") ON DELETE RESTRICT
);

CREATE TABLE age_assessments (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "Method" character varying(20) NOT NULL,
    "Result" character varying(20) NOT NULL,
    "AssessedOn" date NOT NULL,
    "AssessedByName" character varying(200) NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_age_assessments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_age_assessments_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE CASCADE
);

CREATE TABLE case_documents (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "Kind" character varying(30) NOT NULL,
    "Title" character varying(200) NOT NULL,
    "ContentCipher" bytea NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    "RecordedByName" character varying(200) NOT NULL,
    "RecordedByOrganisationId" uuid NOT NULL,
    CONSTRAINT "PK_case_documents" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_case_documents_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE CASCADE
);

CREATE TABLE case_events (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "Kind" character varying(50) NOT NULL,
    "Summary" character varying(500) NOT NULL,
    "Detail" character varying(2000),
    "ActorName" character varying(200) NOT NULL,
    "ActorOrganisationId" uuid,
    "FromStage" character varying(30),
    "ToStage" character varying(30),
    CONSTRAINT "PK_case_events" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_case_events_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE CASCADE
);

CREATE TABLE case_handovers (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "FromOrganisationId" uuid NOT NULL,
    "ToOrganisationId" uuid NOT NULL,
    "Reason" character varying(2000) NOT NULL,
    "RequestedAt" timestamp with time zone NOT NULL,
    "RequestedByName" character varying(200) NOT NULL,
    "Status" character varying(20) NOT NULL,
    "RespondedAt" timestamp with time zone,
    "RespondedByName" character varying(200),
    "DeclineReason" character varying(2000),
    CONSTRAINT "PK_case_handovers" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_case_handovers_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_case_handovers_organisations_FromOrganisationId" FOREIGN KEY ("FromOrganisationId") REFERENCES organisations ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_handovers_organisations_ToOrganisationId" FOREIGN KEY ("ToOrganisationId") REFERENCES organisations ("Id") ON DELETE RESTRICT
);

CREATE TABLE case_meetings (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "Purpose" character varying(200) NOT NULL,
    "LawEnforcementPresent" boolean NOT NULL,
    "Venue" character varying(40) NOT NULL,
    "VenueDescription" character varying(500),
    "CounsellorRequested" boolean NOT NULL,
    "SafetyCoordinatorInvited" boolean NOT NULL,
    "ArrangedByName" character varying(200) NOT NULL,
    "ArrangedByOrganisationId" uuid NOT NULL,
    CONSTRAINT "PK_case_meetings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_case_meetings_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE CASCADE
);

CREATE TABLE case_outcomes (
    "CaseId" uuid NOT NULL,
    "Code" character varying(20) NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    "RecordedByName" character varying(200) NOT NULL,
    CONSTRAINT "PK_case_outcomes" PRIMARY KEY ("CaseId", "Code"),
    CONSTRAINT "FK_case_outcomes_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE CASCADE
);

CREATE TABLE case_participants (
    "CaseId" uuid NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "Kind" character varying(30) NOT NULL,
    "AddedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_case_participants" PRIMARY KEY ("CaseId", "OrganisationId"),
    CONSTRAINT "FK_case_participants_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_case_participants_organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES organisations ("Id") ON DELETE RESTRICT
);

CREATE TABLE consents (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "Purpose" character varying(30) NOT NULL,
    "RecipientOrganisationId" uuid NOT NULL,
    "DocumentVersion" character varying(50) NOT NULL,
    "RolesExplained" boolean NOT NULL,
    "GivenBy" character varying(20) NOT NULL,
    "GivenAt" timestamp with time zone NOT NULL,
    "RecordedByName" character varying(200) NOT NULL,
    "RecordedByOrganisationId" uuid NOT NULL,
    "WithdrawnAt" timestamp with time zone,
    "WithdrawnByName" character varying(200),
    "WithdrawalNote" character varying(2000),
    CONSTRAINT "PK_consents" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_consents_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_consents_organisations_RecipientOrganisationId" FOREIGN KEY ("RecipientOrganisationId") REFERENCES organisations ("Id") ON DELETE RESTRICT
);

CREATE TABLE risk_assessments (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "Purpose" character varying(20) NOT NULL,
    "ThreatToPerson" character varying(20) NOT NULL,
    "ThreatToFamily" character varying(20) NOT NULL,
    "ReTrafficking" character varying(20) NOT NULL,
    "RiskIdentified" boolean NOT NULL,
    "Summary" character varying(2000) NOT NULL,
    "ReviewerName" character varying(200) NOT NULL,
    "AssessedAt" timestamp with time zone NOT NULL,
    "AssessedByName" character varying(200) NOT NULL,
    "OrganisationId" uuid NOT NULL,
    CONSTRAINT "PK_risk_assessments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_risk_assessments_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE CASCADE
);

CREATE TABLE safety_actions (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "Description" character varying(500) NOT NULL,
    "Status" character varying(20) NOT NULL,
    "DueOn" date,
    "CreatedAt" timestamp with time zone NOT NULL,
    "DoneAt" timestamp with time zone,
    "RecordedByName" character varying(200) NOT NULL,
    CONSTRAINT "PK_safety_actions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_safety_actions_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE CASCADE
);

CREATE TABLE service_proposals (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "ServiceCode" character varying(10) NOT NULL,
    "ProviderOrganisationId" uuid NOT NULL,
    "ProposedByOrganisationId" uuid NOT NULL,
    "ProposedByName" character varying(200) NOT NULL,
    "ProposedAt" timestamp with time zone NOT NULL,
    "Note" character varying(2000),
    "Status" character varying(20) NOT NULL,
    "RespondedAt" timestamp with time zone,
    "RespondedByName" character varying(200),
    "StatusReason" character varying(2000),
    "CompletedAt" timestamp with time zone,
    CONSTRAINT "PK_service_proposals" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_service_proposals_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_service_proposals_organisations_ProposedByOrganisationId" FOREIGN KEY ("ProposedByOrganisationId") REFERENCES organisations ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_service_proposals_organisations_ProviderOrganisationId" FOREIGN KEY ("ProviderOrganisationId") REFERENCES organisations ("Id") ON DELETE RESTRICT
);

CREATE TABLE shelter_placements (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "ShelterId" uuid NOT NULL,
    "ProposalId" uuid NOT NULL,
    "RiskAssessmentId" uuid NOT NULL,
    "StartedAt" timestamp with time zone NOT NULL,
    "EndedAt" timestamp with time zone,
    "PlacedByName" character varying(200) NOT NULL,
    CONSTRAINT "PK_shelter_placements" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_shelter_placements_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_shelter_placements_risk_assessments_RiskAssessmentId" FOREIGN KEY ("RiskAssessmentId") REFERENCES risk_assessments ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_shelter_placements_service_proposals_ProposalId" FOREIGN KEY ("ProposalId") REFERENCES service_proposals ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_shelter_placements_shelters_ShelterId" FOREIGN KEY ("ShelterId") REFERENCES shelters ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_age_assessments_CaseId" ON age_assessments ("CaseId");

CREATE INDEX "IX_case_documents_CaseId" ON case_documents ("CaseId");

CREATE INDEX "IX_case_events_CaseId_At" ON case_events ("CaseId", "At");

CREATE INDEX "IX_case_handovers_CaseId" ON case_handovers ("CaseId");

CREATE INDEX "IX_case_handovers_FromOrganisationId" ON case_handovers ("FromOrganisationId");

CREATE INDEX "IX_case_handovers_Status_ToOrganisationId" ON case_handovers ("Status", "ToOrganisationId");

CREATE INDEX "IX_case_handovers_ToOrganisationId" ON case_handovers ("ToOrganisationId");

CREATE INDEX "IX_case_meetings_CaseId" ON case_meetings ("CaseId");

CREATE INDEX "IX_case_participants_OrganisationId" ON case_participants ("OrganisationId");

CREATE INDEX "IX_cases_LastActivityAt" ON cases ("LastActivityAt");

CREATE INDEX "IX_cases_OwnerOrganisationId_Stage" ON cases ("OwnerOrganisationId", "Stage");

CREATE UNIQUE INDEX "IX_cases_Reference" ON cases ("Reference");

CREATE UNIQUE INDEX "IX_cases_ReferralId" ON cases ("ReferralId");

CREATE INDEX "IX_cases_Stage_NextDueAt" ON cases ("Stage", "NextDueAt");

CREATE INDEX "IX_consents_CaseId" ON consents ("CaseId");

CREATE INDEX "IX_consents_RecipientOrganisationId" ON consents ("RecipientOrganisationId");

CREATE INDEX "IX_risk_assessments_CaseId_Purpose" ON risk_assessments ("CaseId", "Purpose");

CREATE INDEX "IX_safety_actions_CaseId" ON safety_actions ("CaseId");

CREATE INDEX "IX_service_proposals_CaseId" ON service_proposals ("CaseId");

CREATE INDEX "IX_service_proposals_ProposedByOrganisationId" ON service_proposals ("ProposedByOrganisationId");

CREATE INDEX "IX_service_proposals_ProviderOrganisationId_Status" ON service_proposals ("ProviderOrganisationId", "Status");

CREATE INDEX "IX_shelter_placements_CaseId" ON shelter_placements ("CaseId");

CREATE INDEX "IX_shelter_placements_ProposalId" ON shelter_placements ("ProposalId");

CREATE INDEX "IX_shelter_placements_RiskAssessmentId" ON shelter_placements ("RiskAssessmentId");

CREATE INDEX "IX_shelter_placements_ShelterId" ON shelter_placements ("ShelterId");

CREATE UNIQUE INDEX "IX_shelters_OrganisationId_Name" ON shelters ("OrganisationId", "Name");
