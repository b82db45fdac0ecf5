-- 0017: CTDC reference data (issue 13 item 5): each clean imported file's run and its rows; a file that fails is never written.
CREATE TABLE ctdc_import_runs (
    "Id" uuid NOT NULL,
    "FileName" character varying(260) NOT NULL,
    "ImportedAt" timestamp with time zone NOT NULL,
    "ImportedByUserId" uuid NOT NULL,
    "ImportedByName" character varying(200) NOT NULL,
    "Rows" integer NOT NULL,
    CONSTRAINT "PK_ctdc_import_runs" PRIMARY KEY ("Id")
);

CREATE TABLE ctdc_reference_records (
    "Id" uuid NOT NULL,
    "ImportId" uuid NOT NULL,
    "YearOfRegistration" integer,
    "Gender" character varying(40),
    "AgeBroad" character varying(10),
    "Citizenship" character varying(3),
    "CountryOfExploitation" character varying(3),
    "TraffickMonths" character varying(20),
    "Flags" integer NOT NULL,
    CONSTRAINT "PK_ctdc_reference_records" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ctdc_reference_records_ctdc_import_runs_ImportId" FOREIGN KEY ("ImportId") REFERENCES ctdc_import_runs ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ctdc_import_runs_ImportedAt" ON ctdc_import_runs ("ImportedAt");

CREATE INDEX "IX_ctdc_reference_records_ImportId" ON ctdc_reference_records ("ImportId");
