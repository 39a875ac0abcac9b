import type { QuestionResponse, TopicResponse } from '@hoi-thi/contracts';
import type { QuestionWithVersion } from './question-bank.repository.js';
import type { TopicEntity } from './topic.entity.js';

export function toTopicResponse(topic: TopicEntity): TopicResponse {
  return { id: topic.id, name: topic.name, parentId: topic.parentId };
}

/** The organizer's view, key included. Never used for members. */
export function toQuestionResponse({ question, version }: QuestionWithVersion): QuestionResponse {
  return {
    id: question.id,
    version: version.version,
    versionId: version.id,
    topicId: question.topicId,
    type: version.type,
    text: version.text,
    options: version.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct })),
    difficulty: version.difficulty,
    points: version.points,
    explanation: version.explanation,
    status: question.status,
    updatedAt: question.updatedAt.toISOString(),
  };
}
