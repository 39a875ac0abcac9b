import type { QuestionType } from '@hoi-thi/contest-engine';
import {
  type ImportCode,
  ImportCodes,
  type ImportedOption,
  type ImportedQuestion,
  type ImportIssue,
  type ParseResult,
  type TextFormat,
  type UnsupportedGiftKind,
} from './import.types.js';
import { cleanText, emptyFileError, FALSE_LABEL, isTrueFalsePair, questionErrors, TRUE_LABEL } from './question-shape.js';

/**
 * Moodle's GIFT format (https://docs.moodle.org/en/GIFT_format), multiple choice and true/false
 * only. Questions are separated by blank lines; `//` lines are comments; `$CATEGORY:` lines set
 * the category of the questions after them. Syntax errors point at their own line; skipped kinds
 * and broken question rules point at the question's first line.
 */
export function parseGift(text: string): ParseResult {
  const result: ParseResult = { questions: [], errors: [], skipped: [] };
  let category: string[] = [];
  let block: SourceLine[] = [];
  const flush = (): void => {
    if (block.length > 0) collect(result, parseBlock(block, category));
    block = [];
  };
  text
    .replace(/^\uFEFF/u, '')
    .split(/\r\n|\r|\n/u)
    .forEach((line, index) => {
      const trimmed = line.trim();
      if (trimmed.startsWith('//')) return; // a comment neither belongs to nor ends a question
      if (trimmed === '') return flush();
      if (CATEGORY_LINE.test(trimmed)) {
        flush();
        category = parseCategory(trimmed.replace(CATEGORY_LINE, ''));
        return;
      }
      block.push({ no: index + 1, text: line });
    });
  flush();
  if (result.questions.length + result.errors.length + result.skipped.length === 0) result.errors.push(emptyFileError());
  return result;
}

interface SourceLine {
  no: number;
  text: string;
}

type BlockOutcome =
  | { kind: 'question'; question: ImportedQuestion }
  | { kind: 'skipped'; issue: ImportIssue }
  | { kind: 'error'; issue: ImportIssue };

const CATEGORY_LINE = /^\$CATEGORY:/iu;
const FORMAT_MARKER = /^\s*\[(html|plain|markdown|moodle)\]/iu;

function collect(result: ParseResult, outcome: BlockOutcome): void {
  if (outcome.kind === 'skipped') result.skipped.push(outcome.issue);
  else if (outcome.kind === 'error') result.errors.push(outcome.issue);
  else {
    // Only questions that keep every rule are returned; the others are errors.
    const errors = questionErrors(outcome.question, (issue) => issue.field);
    if (errors.length > 0) result.errors.push(...errors);
    else result.questions.push(outcome.question);
  }
}

// --- escapes -----------------------------------------------------------------------------------

/**
 * Escaped characters (`\=`, `\~`, `\#`, `\{`, `\}`, `\:`, `\\`, and `\n` for a line break) are
 * swapped for private-use placeholders before the structure is read, so no later step can take
 * them for syntax, and swapped back in the final texts. This is how Moodle's own reader works.
 */
const PLACEHOLDER_OF: Record<string, string> = {
  '\\': '\uE000',
  ':': '\uE001',
  '#': '\uE002',
  '=': '\uE003',
  '{': '\uE004',
  '}': '\uE005',
  '~': '\uE006',
  n: '\uE007',
};
const LITERAL_OF: Record<string, string> = {
  '\uE000': '\\',
  '\uE001': ':',
  '\uE002': '#',
  '\uE003': '=',
  '\uE004': '{',
  '\uE005': '}',
  '\uE006': '~',
  '\uE007': '\n',
};

const protectEscapes = (text: string): string => text.replace(/\\([\\:#={}~n])/gu, (_, char: string) => PLACEHOLDER_OF[char]);
const restoreEscapes = (text: string): string => text.replace(/[\uE000-\uE007]/gu, (char) => LITERAL_OF[char]);

/** A piece of GIFT as plain text: escapes restored, an optional format marker dropped, NFC, trimmed. */
const finalText = (piece: string): string => cleanText(restoreEscapes(piece.replace(FORMAT_MARKER, '')));

// --- one question --------------------------------------------------------------------------------

interface Head {
  title?: string;
  textFormat?: TextFormat;
  /** Where the question text starts. */
  end: number;
}

function parseBlock(lines: SourceLine[], category: string[]): BlockOutcome {
  const source = protectEscapes(lines.map((line) => line.text).join('\n'));
  const start = lines[0].no;
  const lineAt = (offset: number): number => lines[source.slice(0, offset).split('\n').length - 1].no;
  const error = (line: number, code: ImportCode, params?: Record<string, string | number>): BlockOutcome => ({
    kind: 'error',
    issue: params ? { line, code, params } : { line, code },
  });
  const skip = (kind: UnsupportedGiftKind): BlockOutcome => ({
    kind: 'skipped',
    issue: { line: start, code: ImportCodes.GIFT_UNSUPPORTED_KIND, params: { kind } },
  });

  const head = readHead(source);
  if (head === null) return error(start, ImportCodes.GIFT_UNCLOSED_TITLE);
  const braces = findAnswerBraces(source, head.end);
  if (braces.kind === 'none') return skip('description');
  if (braces.kind === 'unclosed') return error(lineAt(braces.offset), ImportCodes.GIFT_UNCLOSED_BRACE);
  if (braces.kind === 'unexpected') return error(lineAt(braces.offset), ImportCodes.GIFT_UNEXPECTED_BRACE);
  if (source.slice(braces.close + 1).trim() !== '') return skip('missing_word');

  const { answers, explanation } = splitGeneralFeedback(source.slice(braces.open + 1, braces.close));
  const parsed = parseAnswers(answers);
  if (parsed.kind === 'unsupported') return skip(parsed.unsupported);
  if (parsed.kind === 'invalid') return error(lineAt(braces.open + 1 + parsed.offset), parsed.code, parsed.params);

  const question: ImportedQuestion = {
    line: start,
    type: parsed.type,
    text: finalText(source.slice(head.end, braces.open)),
    options: parsed.options,
  };
  if (explanation) question.explanation = explanation;
  if (head.title) question.title = head.title;
  if (category.length > 0) question.category = category;
  if (head.textFormat) question.textFormat = head.textFormat;
  return { kind: 'question', question };
}

/** `::title::` then `[format]`, both optional. Null when the title is never closed. */
function readHead(source: string): Head | null {
  const head: Head = { end: 0 };
  const titleStart = source.search(/\S/u);
  if (titleStart >= 0 && source.startsWith('::', titleStart)) {
    const titleEnd = source.indexOf('::', titleStart + 2);
    if (titleEnd < 0) return null;
    const title = finalText(source.slice(titleStart + 2, titleEnd));
    if (title) head.title = title;
    head.end = titleEnd + 2;
  }
  const format = FORMAT_MARKER.exec(source.slice(head.end));
  if (format) {
    const name = format[1].toLowerCase();
    // Moodle's own "moodle auto-format" is plain text with line breaks kept.
    head.textFormat = name === 'moodle' ? 'plain' : (name as TextFormat);
    head.end += format[0].length;
  }
  return head;
}

type Braces =
  | { kind: 'found'; open: number; close: number }
  | { kind: 'none' }
  | { kind: 'unclosed'; offset: number }
  | { kind: 'unexpected'; offset: number };

/** The answer block `{…}`: one, not nested, closed before the question ends. */
function findAnswerBraces(source: string, from: number): Braces {
  const open = source.indexOf('{', from);
  const strayClose = source.indexOf('}', from);
  if (open < 0) return strayClose < 0 ? { kind: 'none' } : { kind: 'unexpected', offset: strayClose };
  if (strayClose >= 0 && strayClose < open) return { kind: 'unexpected', offset: strayClose };
  const close = source.indexOf('}', open + 1);
  const reopen = source.indexOf('{', open + 1);
  if (close < 0 || (reopen >= 0 && reopen < close)) return { kind: 'unclosed', offset: open };
  return { kind: 'found', open, close };
}

/** `####…` at the end of the answers is the general feedback, kept as the explanation. */
function splitGeneralFeedback(block: string): { answers: string; explanation?: string } {
  const at = block.indexOf('####');
  if (at < 0) return { answers: block };
  const explanation = finalText(block.slice(at + 4));
  return explanation ? { answers: block.slice(0, at), explanation } : { answers: block.slice(0, at) };
}

// --- answers -------------------------------------------------------------------------------------

type Answers =
  | { kind: 'supported'; type: QuestionType; options: ImportedOption[] }
  | { kind: 'unsupported'; unsupported: UnsupportedGiftKind }
  | { kind: 'invalid'; code: ImportCode; params?: Record<string, string | number>; offset: number };

const TRUE_FALSE = /^\s*(true|false|t|f)\s*(?=#|$)/iu;

/** Moodle's order of tests: essay, numeric, true/false, choice (any `~`), matching, short answer. */
function parseAnswers(answers: string): Answers {
  if (answers.trim() === '') return { kind: 'unsupported', unsupported: 'essay' };
  if (answers.trimStart().startsWith('#')) return { kind: 'unsupported', unsupported: 'numeric' };
  const trueFalse = TRUE_FALSE.exec(answers);
  if (trueFalse) return parseTrueFalse(trueFalse[1], answers.slice(trueFalse[0].length));
  if (answers.includes('~')) return parseChoices(answers);
  if (answers.includes('=') && answers.includes('->')) return { kind: 'unsupported', unsupported: 'matching' };
  // Only `=` answers: every listed text is accepted as typed, which is a short-answer question.
  if (answers.includes('=')) return { kind: 'unsupported', unsupported: 'short_answer' };
  return { kind: 'invalid', code: ImportCodes.GIFT_BAD_ANSWERS, offset: answers.search(/\S/u) };
}

/**
 * `{T}` / `{F#shown when wrong#shown when right}`. The options are always Đúng, Sai in that order;
 * each gets the feedback a member choosing it would see.
 */
function parseTrueFalse(keyword: string, rest: string): Answers {
  const isTrue = keyword.toLowerCase().startsWith('t');
  const [, whenWrong = '', whenRight = ''] = rest.split('#');
  const feedbackFor = (correct: boolean): string => finalText(correct ? whenRight : whenWrong);
  const option = (text: string, correct: boolean): ImportedOption => {
    const feedback = feedbackFor(correct);
    return feedback ? { text, correct, feedback } : { text, correct };
  };
  return { kind: 'supported', type: 'true_false', options: [option(TRUE_LABEL, isTrue), option(FALSE_LABEL, !isTrue)] };
}

interface Choice {
  option: ImportedOption;
  /** A `~` answer given a positive weight: only `multiple` questions have those. */
  weightedRight: boolean;
}

/**
 * `=right ~wrong ~%50%half right ~%-25%penalty`. A positive weight makes an option right, and
 * weights mean partial marks, so a question using them is `multiple`; so is one with several `=`.
 * The platform keeps no weights: its own grading of `multiple` applies.
 */
function parseChoices(answers: string): Answers {
  const markers = [...answers.matchAll(/[=~]/gu)].map((match) => match.index);
  if (answers.slice(0, markers[0]).trim() !== '') {
    return { kind: 'invalid', code: ImportCodes.GIFT_BAD_ANSWERS, offset: answers.search(/\S/u) };
  }
  const choices: Choice[] = [];
  for (const [index, at] of markers.entries()) {
    const body = answers.slice(at + 1, markers[index + 1] ?? answers.length);
    const choice = parseChoice(answers[at] === '=', body);
    if ('code' in choice) return { ...choice, kind: 'invalid', offset: at };
    choices.push(choice);
  }
  const options = choices.map((choice) => choice.option);
  const rightCount = options.filter((option) => option.correct).length;
  let type: QuestionType = rightCount > 1 || choices.some((choice) => choice.weightedRight) ? 'multiple' : 'single';
  if (type === 'single' && isTrueFalsePair(options)) type = 'true_false';
  return { kind: 'supported', type, options };
}

const WEIGHT = /^\s*%(-?\d+(?:[.,]\d+)?)%/u;
/** Looks like a weight (`%…%` with no space inside) but is not a number. */
const WEIGHT_LIKE = /^\s*%(\S*?)%/u;

function parseChoice(isEquals: boolean, body: string): Choice | { code: ImportCode; params: Record<string, string> } {
  let rest = body;
  let weight: number | undefined;
  const weightMatch = WEIGHT.exec(rest);
  if (weightMatch) {
    weight = Number(weightMatch[1].replace(',', '.'));
    if (Math.abs(weight) > 100) return { code: ImportCodes.GIFT_BAD_WEIGHT, params: { weight: weightMatch[1] } };
    rest = rest.slice(weightMatch[0].length);
  } else {
    const bad = WEIGHT_LIKE.exec(rest);
    if (bad) return { code: ImportCodes.GIFT_BAD_WEIGHT, params: { weight: restoreEscapes(bad[1]) } };
  }
  const hash = rest.indexOf('#');
  const text = finalText(hash < 0 ? rest : rest.slice(0, hash));
  const feedback = hash < 0 ? '' : finalText(rest.slice(hash + 1));
  const correct = weight === undefined ? isEquals : weight > 0;
  const option: ImportedOption = feedback ? { text, correct, feedback } : { text, correct };
  return { option, weightedRight: !isEquals && weight !== undefined && weight > 0 };
}

// --- categories ----------------------------------------------------------------------------------

/**
 * `$CATEGORY: $course$/top/Bầu cử/Cử tri` → ["Bầu cử", "Cử tri"]. Moodle prefixes a context
 * (`$course$`, `$system$`, …) and its root category `top`, which mean nothing here; a `/` inside
 * a name is written `//`.
 */
function parseCategory(path: string): string[] {
  const slash = '\uE010';
  const segments = path
    .replaceAll('//', slash)
    .split('/')
    .map((segment) => cleanText(segment.replaceAll(slash, '/')))
    .filter((segment) => segment !== '');
  if (segments.length > 0 && /^\$\w+\$$/u.test(segments[0])) segments.shift();
  if (segments.length > 0 && segments[0].toLowerCase() === 'top') segments.shift();
  return segments;
}
