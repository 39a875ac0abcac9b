import type {
  CreateQuestionRequest,
  CreateTopicRequest,
  Difficulty,
  ExportFormat,
  ImportFormat,
  ImportResponse,
  Page,
  QuestionResponse,
  QuestionStatus,
  QuestionType,
  TopicResponse,
  UpdateQuestionRequest,
  UpdateTopicRequest,
} from '@hoi-thi/contracts';
import { api } from '../../../lib/api-client';

export interface QuestionFilters {
  topicId?: string;
  difficulty?: Difficulty;
  type?: QuestionType;
  status?: QuestionStatus;
  search?: string;
  limit: number;
  offset: number;
}

/** Live questions per (topic, difficulty) — `GET /api/questions/availability`. */
export interface AvailabilityItem {
  topicId: string;
  difficulty: Difficulty;
  count: number;
}

export interface ImportRequest {
  file: File;
  format: ImportFormat;
  topicId: string;
  dryRun: boolean;
  allowDuplicates: boolean;
}

export const questionBankApi = {
  topics: (signal?: AbortSignal) => api.get<TopicResponse[]>('/topics', { signal }),
  createTopic: (body: CreateTopicRequest) => api.post<TopicResponse>('/topics', body),
  /** Rename or move (409 `TOPIC.CYCLE` under its own sub-topic, `TOPIC.NAME_TAKEN` at the new level). */
  updateTopic: (id: string, body: UpdateTopicRequest) => api.patch<TopicResponse>(`/topics/${id}`, body),
  /** 204 when empty; 409 `TOPIC.IN_USE` with sub-topics, questions (archived too) or in a round's blueprint. */
  deleteTopic: (id: string) => api.delete<undefined>(`/topics/${id}`),
  list: ({ limit, offset, ...filters }: QuestionFilters, signal?: AbortSignal) =>
    api.get<Page<QuestionResponse>>('/questions', { query: { ...filters, limit, offset }, signal }),
  get: (id: string, signal?: AbortSignal) => api.get<QuestionResponse>(`/questions/${id}`, { signal }),
  create: (body: CreateQuestionRequest) => api.post<QuestionResponse>('/questions', body),
  /** A new version; attempts already started keep the one they drew. */
  update: (id: string, body: UpdateQuestionRequest) => api.patch<QuestionResponse>(`/questions/${id}`, body),
  /** Archived: never drawn again, past attempts unchanged. */
  archive: (id: string) => api.delete<QuestionResponse>(`/questions/${id}`),
  availability: (signal?: AbortSignal) => api.get<{ items: AvailabilityItem[] }>('/questions/availability', { signal }),
  /** 400 `IMPORT.INVALID` (not a dry run) carries the same report in its body. */
  import: ({ file, format, topicId, dryRun, allowDuplicates }: ImportRequest) => {
    const form = new FormData();
    form.set('format', format);
    form.set('topicId', topicId);
    form.set('dryRun', String(dryRun));
    form.set('allowDuplicates', String(allowDuplicates));
    // The file last: the server reads the fields in any order, but this keeps its stream short.
    form.set('file', file, file.name);
    return api.post<ImportResponse>('/questions/import', form);
  },
  template: () => api.download('/questions/import-template', 'mau-nhap-cau-hoi.xlsx'),
  export: (format: ExportFormat, topicId?: string) =>
    api.download('/questions/export', `ngan-hang-cau-hoi.${format === 'xlsx' ? 'xlsx' : 'txt'}`, { query: { format, topicId } }),
};
