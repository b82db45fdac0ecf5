-- 0008: optimistic concurrency (issue 9 item 10, ADR 0008): every edited record carries a version that each save
-- moves on, and an UPDATE from an older read matches no row. Existing rows start at version 0.
ALTER TABLE "screenings" ADD COLUMN "Version" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "cases" ADD COLUMN "Version" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "referrals" ADD COLUMN "Version" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "case_handovers" ADD COLUMN "Version" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "service_proposals" ADD COLUMN "Version" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "consents" ADD COLUMN "Version" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "shelters" ADD COLUMN "Version" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "settings" ADD COLUMN "Version" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "organisations" ADD COLUMN "Version" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "users" ADD COLUMN "Version" INTEGER NOT NULL DEFAULT 0;
