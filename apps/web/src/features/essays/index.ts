export { EssayEntryPanel } from './components/essay-entry-panel';
