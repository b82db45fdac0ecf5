-- 0008: optimistic concurrency (issue 9 item 10, ADR 0008): every edited record carries a version that each save
-- moves on, and an UPDATE from an older read matches no row. Existing rows start at version 0.
ALTER TABLE screenings ADD "Version" integer NOT NULL DEFAULT 0;
ALTER TABLE cases ADD "Version" integer NOT NULL DEFAULT 0;
ALTER TABLE referrals ADD "Version" integer NOT NULL DEFAULT 0;
ALTER TABLE case_handovers ADD "Version" integer NOT NULL DEFAULT 0;
ALTER TABLE service_proposals ADD "Version" integer NOT NULL DEFAULT 0;
ALTER TABLE consents ADD "Version" integer NOT NULL DEFAULT 0;
ALTER TABLE shelters ADD "Version" integer NOT NULL DEFAULT 0;
ALTER TABLE settings ADD "Version" integer NOT NULL DEFAULT 0;
ALTER TABLE organisations ADD "Version" integer NOT NULL DEFAULT 0;
ALTER TABLE users ADD "Version" integer NOT NULL DEFAULT 0;
