import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { normalizeQuestionText } from '@hoi-thi/contest-engine';
import type { ImportFormat } from '@hoi-thi/contracts';
import type { Tx } from '../../common/database/tx.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { decodeText } from '../../common/spreadsheet/file-kind.js';
import { readSheet } from '../../common/spreadsheet/sheet-table.js';
import { AuditService } from '../audit/audit.service.js';
import { parseAiken } from './import/aiken.parser.js';
import { checkFormat } from './import/detect-format.js';
import { parseGift } from './import/gift.parser.js';
import type { ImportedQuestion, ImportIssue, ParseResult } from './import/import.types.js';
import { DEFAULT_DIFFICULTY, DEFAULT_POINTS, rowsToQuestions } from './import/template.js';
import { QuestionBankRepository } from './question-bank.repository.js';
import { type QuestionDraft, QuestionsService } from './questions.service.js';
import { UploadErrors } from '../../common/errors/upload.errors.js';

const DRY_RUN = 'dry-run:';

export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

export interface ImportRequest {
  format: ImportFormat;
  topicId: string;
  dryRun: boolean;
  allowDuplicates: boolean;
  file: Buffer;
}

export interface ImportReport {
  dryRun: boolean;
  created: number;
  errors: ImportIssue[];
  skipped: ImportIssue[];
  duplicates: ImportIssue[];
}

/** GIFT `[html]` text is stored as plain text: tags dropped, the few common entities decoded. */
function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

@Injectable()
export class QuestionImportService {
  constructor(
    private readonly repository: QuestionBankRepository,
    private readonly questions: QuestionsService,
    private readonly audit: AuditService,
  ) {}

  /** All or nothing: with any error nothing is written; `dryRun` reports without writing. */
  async import(userId: string, request: ImportRequest): Promise<ImportReport> {
    const parsed = await this.parse(request.format, request.file);
    const report: ImportReport = { dryRun: request.dryRun, created: 0, errors: parsed.errors, skipped: parsed.skipped, duplicates: [] };
    if (!(await this.repository.findTopic(request.topicId))) throw DomainError.invalidField('topicId', 'topicNotFound');
    // With any error nothing is written; the controller turns the report into a 400 unless it is a dry run.
    if (report.errors.length) return report;
    const write = async (tx: Tx) => {
      const topicIds = await this.resolveTopics(request.topicId, parsed.questions, tx, request.dryRun);
      const stored = [...new Set(topicIds.values())].filter((id) => !id.startsWith(DRY_RUN));
      const known = await this.repository.existingNormalizedTexts(stored, tx);
      const drafts: QuestionDraft[] = [];
      for (const question of parsed.questions) {
        const topicId = topicIds.get(question)!;
        const key = `${topicId}\u0000${normalizeQuestionText(question.text)}`;
        if (known.has(key) && !request.allowDuplicates) {
          report.duplicates.push({ line: question.line, code: 'IMPORT.DUPLICATE', params: { text: question.text.slice(0, 80) } });
          continue;
        }
        known.add(key);
        drafts.push(this.toDraft(question, topicId));
      }
      report.created = drafts.length;
      if (!request.dryRun) {
        await this.questions.insertMany(userId, drafts, tx);
        const details = { format: request.format, created: report.created, duplicatesSkipped: report.duplicates.length };
        await this.audit.record({ actorId: userId, action: 'question.import', targetType: 'topic', targetId: request.topicId, details }, tx);
      }
    };
    if (request.dryRun) await write(this.repository.readOnlyTx());
    else await this.repository.transaction(write);
    return report;
  }

  private async parse(format: ImportFormat, file: Buffer): Promise<ParseResult> {
    if (file.length > IMPORT_MAX_BYTES) throw UploadErrors.error('IMPORT.FILE_TOO_LARGE', { megabytes: IMPORT_MAX_BYTES / 1024 / 1024 });
    const mismatch = checkFormat(file, format);
    if (mismatch) return { questions: [], errors: [mismatch], skipped: [] };
    if (format === 'xlsx' || format === 'csv') {
      const sheet = await readSheet(file, format);
      if (sheet.errors.length) return { questions: [], errors: sheet.errors, skipped: [] };
      return rowsToQuestions(
        sheet.rows.map((row) => row.cells),
        2,
        format === 'xlsx',
        sheet.rows.map((row) => row.line),
      );
    }
    const { text, errors } = decodeText(file);
    if (errors.length) return { questions: [], errors, skipped: [] };
    return format === 'gift' ? parseGift(text) : parseAiken(text);
  }

  /** GIFT `$CATEGORY` paths become sub-topics of the chosen topic (made when missing, unless dry run). */
  private async resolveTopics(rootId: string, questions: ImportedQuestion[], tx: Tx, dryRun: boolean): Promise<Map<ImportedQuestion, string>> {
    const byPath = new Map<string, string>([['', rootId]]);
    const result = new Map<ImportedQuestion, string>();
    for (const question of questions) {
      let parentId = rootId;
      let path = '';
      for (const name of question.category ?? []) {
        path += `/${name}`;
        let id = byPath.get(path);
        if (!id) {
          // In a dry run nothing is made: a missing sub-topic (and all below it) gets a placeholder id.
          const existing = dryRun && !parentId.startsWith(DRY_RUN) ? await this.repository.findTopicByName(parentId, name, tx) : null;
          id = dryRun
            ? (existing?.id ?? `${DRY_RUN}${path}`)
            : await this.repository.findOrCreateTopic(parentId, name, tx);
          byPath.set(path, id);
        }
        parentId = id;
      }
      result.set(question, parentId);
    }
    return result;
  }

  private toDraft(question: ImportedQuestion, topicId: string): QuestionDraft {
    const clean = (text: string) => (question.textFormat === 'html' ? htmlToText(text) : text);
    return {
      topicId,
      type: question.type,
      text: clean(question.text),
      options: question.options.map((o) => ({ id: randomUUID(), text: clean(o.text), correct: o.correct, ...(o.feedback ? { feedback: o.feedback } : {}) })),
      difficulty: question.difficulty ?? DEFAULT_DIFFICULTY,
      points: question.points ?? DEFAULT_POINTS,
      explanation: question.explanation ? clean(question.explanation) : null,
    };
  }
}
