import { Difficulties, type Difficulty } from '@hoi-thi/contracts';
import type { TFunction } from 'i18next';

export interface LineRequest {
  topicId: string;
  /** Absent: any difficulty. */
  difficulty?: Difficulty;
  count: number;
}

export interface AvailabilityCount {
  topicId: string;
  difficulty: Difficulty;
  count: number;
}

export interface LineAvailability {
  /** Live questions of the line's topic (and difficulty) in the bank. */
  inBank: number;
  /** What is left for this line once the lines filled before it took theirs. */
  left: number;
  /** How many questions the line is short (0 when it can be filled). */
  short: number;
}

/**
 * How the bank covers each line, the way publishing checks it (contest engine `checkBlueprint`):
 * lines with a difficulty are filled first, then "any difficulty" lines, each group in order, and
 * lines of the same topic compete for the same questions.
 */
export function checkLines(lines: readonly LineRequest[], availability: readonly AvailabilityCount[]): LineAvailability[] {
  const key = (topicId: string, difficulty: Difficulty) => `${difficulty}\u0000${topicId}`;
  const bank = new Map<string, number>();
  for (const { topicId, difficulty, count } of availability) bank.set(key(topicId, difficulty), (bank.get(key(topicId, difficulty)) ?? 0) + count);
  const left = new Map(bank);
  const result: LineAvailability[] = lines.map(() => ({ inBank: 0, left: 0, short: 0 }));
  const order = [...lines.keys()].sort((a, b) => Number(lines[a]!.difficulty === undefined) - Number(lines[b]!.difficulty === undefined) || a - b);
  for (const index of order) {
    const line = lines[index]!;
    const difficulties: readonly Difficulty[] = line.difficulty ? [line.difficulty] : Difficulties;
    const inBank = difficulties.reduce((sum, d) => sum + (bank.get(key(line.topicId, d)) ?? 0), 0);
    const available = difficulties.reduce((sum, d) => sum + (left.get(key(line.topicId, d)) ?? 0), 0);
    const count = Math.max(0, line.count);
    result[index] = { inBank, left: available, short: Math.max(0, count - available) };
    let toTake = Math.min(count, available);
    for (const d of difficulties) {
      const taken = Math.min(toTake, left.get(key(line.topicId, d)) ?? 0);
      left.set(key(line.topicId, d), (left.get(key(line.topicId, d)) ?? 0) - taken);
      toTake -= taken;
    }
  }
  return result;
}

/** "The bank has 14 — enough", or why the line is short (alone, or after lines sharing its topic). */
export function availabilityText(t: TFunction, check: LineAvailability, needed: number): string {
  if (check.short === 0) return t('builder.blueprint.enough', { inBank: check.inBank });
  return check.left < check.inBank
    ? t('builder.blueprint.shortShared', { needed, inBank: check.inBank, left: check.left })
    : t('builder.blueprint.short', { needed, inBank: check.inBank });
}
