export { AssignmentsPage as JudgingAssignmentsPage } from './components/assignments-page';
export { EntryPage as JudgingEntryPage } from './components/entry-page';
