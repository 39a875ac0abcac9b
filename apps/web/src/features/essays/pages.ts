// Loaded on demand by index.ts: only an essay round's page shows the entry panel.
export { EssayEntryPanel } from './components/essay-entry-panel';
