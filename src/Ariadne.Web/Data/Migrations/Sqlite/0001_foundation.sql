-- 0001: the foundation schema: organisations, accounts (ASP.NET Core Identity), audit trail.
-- Generated with 'dotnet run --project src/Ariadne.Web -- db script Sqlite', then the audit triggers added.

CREATE TABLE "audit_entries" (
    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_audit_entries" PRIMARY KEY,
    "OccurredAt" TEXT NOT NULL,
    "ActorUserId" TEXT NULL,
    "ActorName" TEXT NULL,
    "ActorOrganisationId" TEXT NULL,
    "Action" TEXT NOT NULL,
    "Outcome" TEXT NOT NULL,
    "TargetType" TEXT NULL,
    "TargetId" TEXT NULL,
    "Reason" TEXT NULL,
    "Details" TEXT NULL,
    "IpAddress" TEXT NULL,
    "PreviousHash" TEXT NOT NULL,
    "Hash" TEXT NOT NULL
);


CREATE TABLE "organisations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_organisations" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "Area" TEXT NULL,
    "Phone" TEXT NULL,
    "Email" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL
);


CREATE TABLE "roles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_roles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);


CREATE TABLE "users" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_users" PRIMARY KEY,
    "OrganisationId" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL,
    CONSTRAINT "FK_users_organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "organisations" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "role_claims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_role_claims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_role_claims_roles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "roles" ("Id") ON DELETE CASCADE
);


CREATE TABLE "user_claims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_user_claims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_user_claims_users_UserId" FOREIGN KEY ("UserId") REFERENCES "users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "user_logins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_user_logins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_user_logins_users_UserId" FOREIGN KEY ("UserId") REFERENCES "users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "user_roles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_user_roles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_user_roles_roles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "roles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_user_roles_users_UserId" FOREIGN KEY ("UserId") REFERENCES "users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "user_tokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_user_tokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_user_tokens_users_UserId" FOREIGN KEY ("UserId") REFERENCES "users" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_audit_entries_Action" ON "audit_entries" ("Action");


CREATE INDEX "IX_audit_entries_ActorUserId" ON "audit_entries" ("ActorUserId");


CREATE INDEX "IX_audit_entries_OccurredAt" ON "audit_entries" ("OccurredAt");


CREATE UNIQUE INDEX "IX_organisations_Name" ON "organisations" ("Name");


CREATE INDEX "IX_role_claims_RoleId" ON "role_claims" ("RoleId");


CREATE UNIQUE INDEX "RoleNameIndex" ON "roles" ("NormalizedName");


CREATE INDEX "IX_user_claims_UserId" ON "user_claims" ("UserId");


CREATE INDEX "IX_user_logins_UserId" ON "user_logins" ("UserId");


CREATE INDEX "IX_user_roles_RoleId" ON "user_roles" ("RoleId");


CREATE INDEX "EmailIndex" ON "users" ("NormalizedEmail");


CREATE INDEX "IX_users_OrganisationId" ON "users" ("OrganisationId");


CREATE UNIQUE INDEX "UserNameIndex" ON "users" ("NormalizedUserName");



-- The audit trail is append-only: the database itself refuses to change or remove an entry.
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only');
END;

CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only');
END;
