// The router's on-demand entry (app/router.tsx), apart from index.ts, which the contest builder imports.
export { ImportPage } from './components/import-page';
export { QuestionBankPage } from './components/question-bank-page';
export { QuestionEditorPage } from './components/question-editor-page';
