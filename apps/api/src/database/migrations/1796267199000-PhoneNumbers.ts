import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Vietnamese letters with marks, then the other marked letters of Latin-1 (names like "José",
 * "Müller"), and the letter each is without its marks, as the engine's foldVietnamese makes it
 * (`ch.normalize('NFD').replace(/\p{Mn}/gu, '')`), plus đ/Đ → d. SQL's normalize() would be shorter
 * but fails on a database that is not UTF8 (SQL_ASCII, with a C locale), and a migration must not
 * fail; translate() never does. It costs in proportion to this list (the whole Latin Extended
 * blocks made the backfill 3 times slower), so rarer letters (ł, ř, ş) keep their marks in the key.
 */
const LETTERS_WITH_MARKS =
  'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒ' +
  'ÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴÄÅÇËÎÏÑÖÛÜäåçëîïñöûüÿđĐ';
const LETTERS_WITHOUT_MARKS =
  'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyAAAAAAAAAAAAAAAAAEEEEEEEEEEEIIIIIO' +
  'OOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYYAACEIINOUUaaceiinouuydd';

/** What JavaScript's \s matches besides ASCII whitespace. */
const OTHER_SPACES = '\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';

/**
 * One person, many accounts (issue #15 item 7):
 * - `users.name_key`: the full name folded like the engine's foldVietnamese (no case, no diacritics,
 *   single spaces), kept by a trigger so that every writer (the app, SQL seeds, tests) keeps it right;
 *   indexed with the unit for the organizers' duplicates report (same name in the same unit).
 * - `users.phone`: one form per number (0xxxxxxxxx, the engine's normalizeVietnamesePhone), unique
 *   among non-null phones.
 * - `users.phone_legacy`: what could not stay in `phone`. Existing phones are normalized here; a
 *   number on several accounts stays with the oldest (created_at, then id) and is moved to
 *   `phone_legacy` on the others; a value that is not a Vietnamese mobile number (a landline, an old
 *   11-digit number, text) is moved to `phone_legacy` as it was (trimmed). Nothing is deleted, nothing fails:
 *   the accounts keep working, and the duplicates report lists them (SAME_PHONE).
 *   `down` puts those values back into `phone` (the formatting of the normalized ones is lost).
 */
export class PhoneNumbers1796267199000 implements MigrationInterface {
  name = 'PhoneNumbers1796267199000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION "users_name_key"(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
         SELECT btrim(regexp_replace(lower(translate(regexp_replace($1, '[\\u0300-\\u036f]', '', 'g'), '${LETTERS_WITH_MARKS}', '${LETTERS_WITHOUT_MARKS}')), '[[:space:]${OTHER_SPACES}]+', ' ', 'g'), ' ')
       $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION "users_set_name_key"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW."name_key" := users_name_key(NEW."full_name");
         RETURN NEW;
       END
       $$`,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "name_key" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "phone_legacy" character varying(20)`);
    // One pass over the table (each row is rewritten once): the name key, and the phone in one form.
    // The nine digits of a Vietnamese mobile number written any accepted way (as the engine's
    // normalizeVietnamesePhone: separators dropped; +84, 0084 or 84 with an optional 0, or 0, or
    // nothing); the oldest account (created_at, then id) keeps a number, the others get it as legacy;
    // anything else moves to phone_legacy as it was (trimmed).
    await queryRunner.query(
      `WITH typed AS (
         SELECT "id", "created_at", nullif(btrim("phone", E' \\t\\r\\n'), '') AS raw,
                substring(regexp_replace("phone", '[[:space:].()-]', '', 'g') FROM '^(?:(?:\\+|00)?840?|0)?([35789][0-9]{8})$') AS nsn
           FROM "users"
       ), ranked AS (
         SELECT "id", raw, nsn, row_number() OVER (PARTITION BY nsn ORDER BY "created_at", "id") AS n FROM typed
       )
       UPDATE "users" u
          SET "name_key" = users_name_key(u."full_name"),
              "phone" = CASE WHEN r.nsn IS NOT NULL AND r.n = 1 THEN '0' || r.nsn END,
              "phone_legacy" = CASE WHEN r.nsn IS NULL THEN r.raw WHEN r.n > 1 THEN '0' || r.nsn END
         FROM ranked r
        WHERE u."id" = r."id"`,
    );
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "name_key" SET NOT NULL`);
    await queryRunner.query(
      `CREATE TRIGGER "TRG_users_name_key" BEFORE INSERT OR UPDATE OF "full_name", "name_key" ON "users" FOR EACH ROW EXECUTE FUNCTION "users_set_name_key"()`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_users_phone" ON "users" ("phone") WHERE "phone" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_users_unit_phone" ON "users" ("unit_id", "phone") WHERE "phone" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_users_unit_name_key" ON "users" ("unit_id", "name_key") `);
    await queryRunner.query(`CREATE INDEX "IDX_users_phone_legacy" ON "users" ("phone_legacy") WHERE "phone_legacy" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_users_phone_legacy"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_users_unit_name_key"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_users_unit_phone"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_users_phone"`);
    await queryRunner.query(`UPDATE "users" SET "phone" = "phone_legacy" WHERE "phone" IS NULL AND "phone_legacy" IS NOT NULL`);
    await queryRunner.query(`DROP TRIGGER "TRG_users_name_key" ON "users"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "phone_legacy"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "name_key"`);
    await queryRunner.query(`DROP FUNCTION "users_set_name_key"()`);
    await queryRunner.query(`DROP FUNCTION "users_name_key"(text)`);
  }
}
