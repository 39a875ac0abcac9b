import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { foldVietnamese, normalizeQuestionText, type QuestionIssue, validateQuestion } from '@hoi-thi/contest-engine';
import type { Difficulty, QuestionType } from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { isUniqueViolation } from '../../common/database/sql.js';
import type { Tx } from '../../common/database/tx.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import type { CreateQuestionDto, ListQuestionsQuery, UpdateQuestionDto } from './dto/question.dto.js';
import type { CreateTopicDto, UpdateTopicDto } from './dto/topic.dto.js';
import { type NewQuestion, type NewVersion, QuestionBankRepository, type QuestionWithVersion } from './question-bank.repository.js';
import type { StoredOption } from './question-version.entity.js';
import type { TopicEntity } from './topic.entity.js';
import { QuestionBankErrors } from './question-bank.errors.js';

export interface QuestionDraft {
  topicId: string;
  type: QuestionType;
  text: string;
  options: { id?: string; text: string; correct: boolean; feedback?: string }[];
  difficulty: Difficulty;
  points: number;
  explanation: string | null;
}

export function issuesToDomainError(issues: QuestionIssue[]): DomainError {
  return DomainError.validation(issues.map((issue) => ({ field: issue.field, constraint: issue.code, params: issue.params })));
}

/** The search key of a question: text and options, folded. */
export function searchTextOf(draft: Pick<QuestionDraft, 'text' | 'options'>): string {
  return foldVietnamese([draft.text, ...draft.options.map((o) => o.text)].join(' \n '));
}

@Injectable()
export class QuestionsService {
  constructor(
    private readonly repository: QuestionBankRepository,
    private readonly audit: AuditService,
  ) {}

  listTopics(): Promise<TopicEntity[]> {
    return this.repository.listTopics();
  }

  async createTopic(dto: CreateTopicDto, tx?: Tx): Promise<TopicEntity> {
    if (dto.parentId && !(await this.repository.findTopic(dto.parentId, tx))) {
      throw DomainError.invalidField('parentId', 'topicNotFound');
    }
    try {
      return await this.repository.insertTopic({ name: dto.name, parentId: dto.parentId ?? null }, tx);
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_topics_parent_name')) throw QuestionBankErrors.error('TOPIC.NAME_TAKEN', { name: dto.name });
      throw error;
    }
  }

  private readonly topicUsages: ((topicId: string, tx: Tx) => Promise<boolean>)[] = [];

  /** Modules that name topics (a round's blueprint) say here whether a topic is in use. */
  registerTopicUsage(inUse: (topicId: string, tx: Tx) => Promise<boolean>): void {
    this.topicUsages.push(inUse);
  }

  /**
   * Renames or moves a topic (`parentId: null` = top level). Under itself or one of its sub-topics
   * → 409 TOPIC.CYCLE; a name taken at the new level → 409 TOPIC.NAME_TAKEN. Draws pick by exact
   * topic, so the bank's revision does not change.
   */
  async updateTopic(id: string, dto: UpdateTopicDto): Promise<TopicEntity> {
    try {
      return await this.repository.transaction(async (tx) => {
        await this.repository.lockTopics(tx);
        const topic = await this.repository.findTopic(id, tx);
        if (!topic) throw QuestionBankErrors.error('TOPIC.NOT_FOUND');
        if (dto.parentId !== undefined && dto.parentId !== topic.parentId) {
          if (dto.parentId !== null) {
            if (!(await this.repository.findTopic(dto.parentId, tx))) throw DomainError.invalidField('parentId', 'topicNotFound');
            if (await this.repository.topicIsWithin(dto.parentId, id, tx)) throw QuestionBankErrors.error('TOPIC.CYCLE');
          }
          topic.parentId = dto.parentId;
        }
        if (dto.name !== undefined) topic.name = dto.name;
        return await this.repository.saveTopic(topic, tx);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_topics_parent_name')) throw QuestionBankErrors.error('TOPIC.NAME_TAKEN', { name: dto.name ?? '' });
      throw error;
    }
  }

  /** Deletes an empty topic: no sub-topic, no question (archived ones too), in no round's blueprint; else 409 TOPIC.IN_USE. */
  async deleteTopic(id: string): Promise<void> {
    await this.repository.transaction(async (tx) => {
      await this.repository.lockTopics(tx);
      if (!(await this.repository.findTopic(id, tx))) throw QuestionBankErrors.error('TOPIC.NOT_FOUND');
      const used = (await this.repository.topicHasContent(id, tx)) || (await Promise.all(this.topicUsages.map((inUse) => inUse(id, tx)))).some(Boolean);
      if (used) throw QuestionBankErrors.error('TOPIC.IN_USE');
      await this.repository.deleteTopic(id, tx);
    });
  }

  async get(id: string): Promise<QuestionWithVersion> {
    const found = await this.repository.findQuestion(id);
    if (!found) throw QuestionBankErrors.error('QUESTION.NOT_FOUND');
    return found;
  }

  list(query: ListQuestionsQuery): Promise<[QuestionWithVersion[], number]> {
    const search = query.search ? foldVietnamese(query.search) : undefined;
    return this.repository.listQuestions({
      topicId: query.topicId,
      difficulty: query.difficulty,
      type: query.type,
      status: query.status ?? 'active',
      search: search || undefined,
      limit: query.limit,
      offset: query.offset,
    });
  }

  async create(user: AuthUser, dto: CreateQuestionDto): Promise<QuestionWithVersion> {
    const draft: QuestionDraft = {
      topicId: dto.topicId,
      type: dto.type,
      text: dto.text,
      options: dto.options.map((o) => ({ text: o.text, correct: o.correct })),
      difficulty: dto.difficulty ?? 'medium',
      points: dto.points ?? 1,
      explanation: dto.explanation || null,
    };
    this.assertValid(draft);
    return this.repository.transaction(async (tx) => {
      await this.assertTopic(draft.topicId, tx);
      return this.insert(user.id, draft, tx);
    });
  }

  /** Inserts a validated draft as version 1. */
  insert(userId: string | null, draft: QuestionDraft, tx: Tx): Promise<QuestionWithVersion> {
    const { question, version } = this.firstVersionOf(userId, draft);
    return this.repository.insertQuestion(question, version, tx);
  }

  /** Inserts validated drafts as version 1, in bulk (imports, demo data), inside the caller's transaction. */
  insertMany(userId: string | null, drafts: QuestionDraft[], tx: Tx): Promise<number> {
    return this.repository.insertQuestionsBulk(drafts.map((draft) => this.firstVersionOf(userId, draft)), tx);
  }

  private firstVersionOf(userId: string | null, draft: QuestionDraft): { question: NewQuestion; version: NewVersion } {
    const options = draft.options.map((o) => ({ id: o.id ?? randomUUID(), text: o.text, correct: o.correct, ...(o.feedback ? { feedback: o.feedback } : {}) }));
    return {
      question: {
        topicId: draft.topicId,
        status: 'active',
        currentVersion: 1,
        type: draft.type,
        difficulty: draft.difficulty,
        text: draft.text,
        normalizedText: normalizeQuestionText(draft.text),
        searchText: searchTextOf(draft),
        createdBy: userId,
      },
      version: this.versionOf(userId, 1, draft, options),
    };
  }

  /** An edit is a new version; attempts that drew an older one keep it. */
  async update(user: AuthUser, id: string, dto: UpdateQuestionDto): Promise<QuestionWithVersion> {
    return this.repository.transaction(async (tx) => {
      const current = await this.repository.findQuestion(id, tx, true);
      if (!current) throw QuestionBankErrors.error('QUESTION.NOT_FOUND');
      if (current.question.status === 'archived') throw QuestionBankErrors.error('QUESTION.ARCHIVED');
      const { question, version } = current;
      const draft: QuestionDraft = {
        topicId: dto.topicId ?? question.topicId,
        type: dto.type ?? version.type,
        text: dto.text ?? version.text,
        options: dto.options ?? version.options,
        difficulty: dto.difficulty ?? version.difficulty,
        points: dto.points ?? version.points,
        explanation: dto.explanation === undefined ? version.explanation : dto.explanation || null,
      };
      this.assertValid(draft);
      if (draft.topicId !== question.topicId) await this.assertTopic(draft.topicId, tx);
      const options = this.keepOptionIds(draft.options, version.options);
      const next = version.version + 1;
      const saved = await this.repository.insertVersion(question.id, this.versionOf(user.id, next, draft, options), tx);
      await this.audit.record({ actorId: user.id, action: 'question.update', targetType: 'question', targetId: question.id, details: { version: next, versionId: saved.id } }, tx);
      Object.assign(question, {
        topicId: draft.topicId,
        currentVersion: next,
        currentVersionId: saved.id,
        type: draft.type,
        difficulty: draft.difficulty,
        text: draft.text,
        normalizedText: normalizeQuestionText(draft.text),
        searchText: searchTextOf(draft),
      });
      return { question: await this.repository.saveQuestion(question, tx), version: saved };
    });
  }

  /** Archived: never drawn again; versions stay for the attempts that pinned them. Idempotent. */
  async archive(actor: AuthUser, id: string): Promise<QuestionWithVersion> {
    return this.repository.transaction(async (tx) => {
      const current = await this.repository.findQuestion(id, tx, true);
      if (!current) throw QuestionBankErrors.error('QUESTION.NOT_FOUND');
      if (current.question.status !== 'archived') {
        current.question.status = 'archived';
        current.question = await this.repository.saveQuestion(current.question, tx);
        await this.audit.record({ actorId: actor.id, action: 'question.archive', targetType: 'question', targetId: id }, tx);
      }
      return current;
    });
  }

  assertValid(draft: QuestionDraft): void {
    const issues = validateQuestion(draft);
    if (issues.length) throw issuesToDomainError(issues);
  }

  private async assertTopic(topicId: string, tx: Tx): Promise<void> {
    if (!(await this.repository.findTopic(topicId, tx))) throw DomainError.invalidField('topicId', 'topicNotFound');
  }

  private keepOptionIds(options: QuestionDraft['options'], previous: StoredOption[]): StoredOption[] {
    const known = new Set(previous.map((o) => o.id));
    const seen = new Set<string>();
    return options.map((option, index) => {
      if (option.id && (!known.has(option.id) || seen.has(option.id))) {
        throw DomainError.invalidField(`options.${index}.id`, 'optionNotInQuestion');
      }
      const id = option.id ?? randomUUID();
      seen.add(id);
      return { id, text: option.text, correct: option.correct, ...(option.feedback ? { feedback: option.feedback } : {}) };
    });
  }

  private versionOf(userId: string | null, version: number, draft: QuestionDraft, options: StoredOption[]): NewVersion {
    return {
      version,
      type: draft.type,
      text: draft.text,
      options,
      difficulty: draft.difficulty,
      points: draft.points,
      explanation: draft.explanation,
      createdBy: userId,
    };
  }
}
