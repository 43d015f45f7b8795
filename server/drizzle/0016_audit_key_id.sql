-- Decision 0020: rows name the key that sealed them. The rows already written are plain SHA-256
-- links ('sha256'); ADD COLUMN … DEFAULT fills them without an UPDATE (no row trigger fires, the
-- append-only rule holds). The default is then dropped: an insert that names no key (a process
-- still running the code before this change) is refused, so no unsealed row can follow a sealed one.
ALTER TABLE "audit_log" ADD COLUMN "key_id" text NOT NULL DEFAULT 'sha256';
--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "key_id" DROP DEFAULT;
