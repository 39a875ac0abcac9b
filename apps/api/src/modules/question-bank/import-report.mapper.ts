import type { ImportIssueResponse, ImportResponse } from '@hoi-thi/contracts';
import type { Language } from '../../common/i18n/language.js';
import type { ImportIssue } from './import/import.types.js';
import { renderImportMessage } from './import/import-messages.js';
import type { ImportReport } from './question-import.service.js';

export function toImportIssue(issue: ImportIssue, language: Language): ImportIssueResponse {
  return {
    line: issue.line,
    ...(issue.column !== undefined ? { column: issue.column } : {}),
    code: issue.code,
    message: renderImportMessage(issue, language),
  };
}

export function toImportResponse(report: ImportReport, language: Language): ImportResponse {
  const map = (issues: ImportIssue[]) => issues.map((issue) => toImportIssue(issue, language));
  return { dryRun: report.dryRun, created: report.created, errors: map(report.errors), skipped: map(report.skipped), duplicates: map(report.duplicates) };
}
