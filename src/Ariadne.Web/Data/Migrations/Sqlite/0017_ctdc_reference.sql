-- 0017: CTDC reference data (issue 13 item 5): each clean imported file's run and its rows; a file that fails is never written.
CREATE TABLE "ctdc_import_runs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ctdc_import_runs" PRIMARY KEY,
    "FileName" TEXT NOT NULL,
    "ImportedAt" TEXT NOT NULL,
    "ImportedByUserId" TEXT NOT NULL,
    "ImportedByName" TEXT NOT NULL,
    "Rows" INTEGER NOT NULL
);

CREATE TABLE "ctdc_reference_records" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ctdc_reference_records" PRIMARY KEY,
    "ImportId" TEXT NOT NULL,
    "YearOfRegistration" INTEGER NULL,
    "Gender" TEXT NULL,
    "AgeBroad" TEXT NULL,
    "Citizenship" TEXT NULL,
    "CountryOfExploitation" TEXT NULL,
    "TraffickMonths" TEXT NULL,
    "Flags" INTEGER NOT NULL,
    CONSTRAINT "FK_ctdc_reference_records_ctdc_import_runs_ImportId" FOREIGN KEY ("ImportId") REFERENCES "ctdc_import_runs" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ctdc_import_runs_ImportedAt" ON "ctdc_import_runs" ("ImportedAt");

CREATE INDEX "IX_ctdc_reference_records_ImportId" ON "ctdc_reference_records" ("ImportId");
