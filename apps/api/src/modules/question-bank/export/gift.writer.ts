import { cleanText, FALSE_LABEL, TRUE_LABEL } from '../import/question-shape.js';
import type { ExportQuestion } from './export.types.js';

export interface GiftWriteOptions {
  /** Written once at the top as `$CATEGORY: $course$/top/…`, so Moodle files the questions there. */
  category?: readonly string[];
}

/**
 * Questions as Moodle GIFT, one block per question, separated by blank lines. What GIFT cannot
 * hold (difficulty, points) is left out; the explanation is the general feedback `####…`.
 */
export function writeGift(questions: readonly ExportQuestion[], options: GiftWriteOptions = {}): string {
  const blocks: string[] = [];
  let current = '';
  for (const question of questions) {
    // A `$CATEGORY` line before the first question of each category, as Moodle writes a category and its sub-categories.
    const category = question.category ?? options.category ?? [];
    const key = category.join('\u0000');
    if (category.length > 0 && key !== current) blocks.push(categoryLine(category));
    current = key;
    blocks.push(questionBlock(question));
  }
  return blocks.map((block) => `${block}\n`).join('\n');
}

/** GIFT's special characters and line breaks, escaped as Moodle's own exporter does. */
export function escapeGift(text: string): string {
  return text.replace(/\\/gu, '\\\\').replace(/[~=#{}:]/gu, (char) => `\\${char}`).replace(/\r\n|\r|\n/gu, '\\n');
}

/** Moodle writes a `/` inside a category name as `//`. */
function categoryLine(path: readonly string[]): string {
  const segments = path.map((segment) => segment.replace(/\s+/gu, ' ').trim().replaceAll('/', '//'));
  return `$CATEGORY: $course$/top/${segments.join('/')}`;
}

function questionBlock(question: ExportQuestion): string {
  const title = question.title ? `::${escapeGift(question.title)}::` : '';
  const feedback = question.explanation ? [`####${escapeGift(question.explanation)}`] : [];
  const keyword = trueFalseKeyword(question);
  if (keyword) {
    return feedback.length > 0 ? `${title}${escapeGift(question.text)} {${keyword}\n${feedback[0]}\n}` : `${title}${escapeGift(question.text)} {${keyword}}`;
  }
  return [`${title}${escapeGift(question.text)} {`, ...answerLines(question), ...feedback, '}'].join('\n');
}

/** `{TRUE}` / `{FALSE}` only for options exactly Đúng, Sai: the parser gives back exactly those. */
function trueFalseKeyword({ type, options }: ExportQuestion): string | null {
  if (type !== 'true_false' || options.length !== 2) return null;
  if (cleanText(options[0].text) !== TRUE_LABEL || cleanText(options[1].text) !== FALSE_LABEL) return null;
  return options[0].correct ? 'TRUE' : 'FALSE';
}

/**
 * single (and true/false with other texts): `=` right, `~` wrong. multiple: each right option
 * gets an equal share of 100% and each wrong one -100%, weights Moodle accepts (50, 33.33333,
 * 25, …); parseGift reads any positive weight as right, so the question comes back `multiple`.
 */
function answerLines({ type, options }: ExportQuestion): string[] {
  if (type !== 'multiple') return options.map((option) => `${option.correct ? '=' : '~'}${escapeGift(option.text)}`);
  const right = options.filter((option) => option.correct).length;
  const share = `%${Number((100 / Math.max(right, 1)).toFixed(5))}%`;
  return options.map((option) => `~${option.correct ? share : '%-100%'}${escapeGift(option.text)}`);
}
