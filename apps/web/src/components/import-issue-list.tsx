import { useTranslation } from '../lib/i18n';

/** A problem an import found in a file: where (`line`, and `column` when the server knows it) and what. */
export interface ImportIssue {
  line: number;
  column?: string | number;
  message: string;
}

interface ImportIssueListProps {
  title: string;
  issues: readonly ImportIssue[];
  tone: 'error' | 'info';
}

/** The problems of an import in file order, each with its line (and column): questions and units alike. */
export function ImportIssueList({ title, issues, tone }: ImportIssueListProps) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  const sorted = [...issues].sort((a, b) => a.line - b.line);
  return (
    <div className="import-issues" data-tone={tone}>
      <h3 className="import-issues__title">{title}</h3>
      <ul className="import-issues__list">
        {sorted.map((issue, index) => (
          <li key={`${String(issue.line)}-${String(index)}`} className="import-issue">
            <span className="import-issue__where">
              {issue.column !== undefined ? t('importIssues.lineColumn', { line: issue.line, column: issue.column }) : t('importIssues.line', { line: issue.line })}
            </span>
            <span className="import-issue__message">{issue.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
