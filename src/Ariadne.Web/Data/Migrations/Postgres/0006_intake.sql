-- Issue 9, item 9: the person's story is stored encrypted ("dp1:" + Data Protection payload, ADR 0006), which is
-- longer than what was typed: the columns become unbounded text; the length limits stay in ScreeningRules.
-- Existing plain-text rows are encrypted by the application at startup (ProtectedTextMigration), since the keys
-- are never in the database.
ALTER TABLE screenings
    ALTER COLUMN "CompanionDescription" TYPE text,
    ALTER COLUMN "DangerDetails" TYPE text,
    ALTER COLUMN "Statement" TYPE text,
    ALTER COLUMN "SuspectedOffence" TYPE text;
ALTER TABLE screening_indicators ALTER COLUMN "Note" TYPE text;
