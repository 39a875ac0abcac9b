export const QuestionTypes = ['single', 'multiple', 'true_false'] as const;
export type QuestionType = (typeof QuestionTypes)[number];

export const Difficulties = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof Difficulties)[number];

export type QuestionStatus = 'active' | 'archived';

export const ImportFormats = ['xlsx', 'csv', 'gift', 'aiken'] as const;
export type ImportFormat = (typeof ImportFormats)[number];

export const ExportFormats = ['xlsx', 'gift', 'aiken'] as const;
export type ExportFormat = (typeof ExportFormats)[number];

export interface TopicResponse {
  id: string;
  name: string;
  parentId: string | null;
}

/** `PATCH /api/topics/:id`: rename, or move (`parentId: null` = top level; under its own sub-topic → 409 TOPIC.CYCLE). */
export interface UpdateTopicRequest {
  name?: string;
  parentId?: string | null;
}

export interface CreateTopicRequest {
  name: string;
  parentId?: string;
}

export interface OptionResponse {
  id: string;
  text: string;
  correct: boolean;
}

/** An organizer's view of a question (with the key). Members never get this shape. */
export interface QuestionResponse {
  id: string;
  version: number;
  versionId: string;
  topicId: string;
  type: QuestionType;
  text: string;
  options: OptionResponse[];
  difficulty: Difficulty;
  points: number;
  explanation: string | null;
  status: QuestionStatus;
  updatedAt: string;
}

export interface CreateQuestionRequest {
  topicId: string;
  type: QuestionType;
  text: string;
  options: { text: string; correct: boolean }[];
  difficulty?: Difficulty;
  points?: number;
  explanation?: string;
}

/** PATCH: any field; options may carry `id` to keep an option's identity across versions. */
export interface UpdateQuestionRequest {
  topicId?: string;
  type?: QuestionType;
  text?: string;
  options?: { id?: string; text: string; correct: boolean }[];
  difficulty?: Difficulty;
  points?: number;
  explanation?: string | null;
}

export interface ImportIssueResponse {
  line: number;
  column?: string | number;
  code: string;
  message: string;
}

export interface ImportResponse {
  dryRun: boolean;
  created: number;
  errors: ImportIssueResponse[];
  skipped: ImportIssueResponse[];
  duplicates: ImportIssueResponse[];
}
