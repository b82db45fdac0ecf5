-- Issue 9, item 9: the person's story is stored encrypted ("dp1:" + Data Protection payload, ADR 0006). SQLite's
-- TEXT columns have no length, so the schema does not change here; existing plain-text rows are encrypted by the
-- application at startup (ProtectedTextMigration), since the keys are never in the database.
SELECT 1;
