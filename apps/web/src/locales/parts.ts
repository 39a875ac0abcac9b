/**
 * The strings are split by area at build time, not on disk: translators keep one vi.json and one
 * en.json (a key is added in one place, and locales.test.ts compares the two files whole), while
 * Vite turns `vi.json?part=member` into a module holding only that part's top-level sections
 * (vite.config.ts, `localeParts`). A member's phone downloads the member part; the organizer and
 * judge parts come with their areas' routes (app/router.tsx). A new section is a member's unless it
 * is listed here: never missing, at worst a few bytes too many.
 */
export const staffParts = {
  /** `/admin/*`: organizers and admins (the admin's users and audit log are small enough to ride along). */
  organizer: ['analytics', 'audit', 'bank', 'builder', 'duplicates', 'ops', 'unitImport', 'unitTree', 'unitsAdmin', 'users'],
  /** `/judging/*`. */
  judging: ['judging'],
} as const satisfies Record<string, readonly string[]>;

export type StaffPart = keyof typeof staffParts;
export type LocalePart = 'member' | StaffPart;

export const localePartNames: readonly LocalePart[] = ['member', ...(Object.keys(staffParts) as StaffPart[])];

export function isLocalePart(value: string): value is LocalePart {
  return (localePartNames as readonly string[]).includes(value);
}

/** The part of a language file that `part` holds: its sections, in the file's order. */
export function pickLocalePart(strings: Record<string, unknown>, part: LocalePart): Record<string, unknown> {
  const staff = new Map<string, StaffPart>(Object.entries(staffParts).flatMap(([name, sections]) => sections.map((section) => [section, name as StaffPart])));
  return Object.fromEntries(Object.entries(strings).filter(([section]) => (staff.get(section) ?? 'member') === part));
}
