export { AnalyticsIndexPage } from './components/analytics-index-page';
export { ItemAnalysisPage } from './components/item-analysis-page';
export { ParticipationPage } from './components/participation-page';
