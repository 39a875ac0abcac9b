export { topicNames, topicOptions, type TopicOption } from './components/topic-tree';
export type { AvailabilityItem } from './api/question-bank-api';
export { useAvailability, useTopics } from './hooks/use-question-bank';
