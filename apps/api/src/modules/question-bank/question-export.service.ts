import { Injectable } from '@nestjs/common';
import type { ExportFormat } from '@hoi-thi/contracts';
import { writeAiken } from './export/aiken.writer.js';
import type { ExportQuestion } from './export/export.types.js';
import { writeGift } from './export/gift.writer.js';
import { writeTemplateXlsx } from './export/xlsx.writer.js';
import { QuestionBankRepository } from './question-bank.repository.js';

@Injectable()
export class QuestionExportService {
  constructor(private readonly repository: QuestionBankRepository) {}

  /** The empty import template (the same layout export writes, so export → import round-trips). */
  template(): Promise<Buffer> {
    return writeTemplateXlsx([]);
  }

  /**
   * Active questions of a topic and all its sub-topics (or the whole bank), newest versions; null
   * when the topic does not exist. GIFT gets a `$CATEGORY` per topic, the path from the exported
   * topic down (Moodle's layout), so importing the file rebuilds the sub-topics.
   */
  async export(format: ExportFormat, topicId: string | undefined): Promise<Buffer | null> {
    const topics = new Map((await this.repository.listTopics()).map((topic) => [topic.id, topic]));
    if (topicId && !topics.has(topicId)) return null;
    const pathOf = (id: string): string[] => {
      const topic = topics.get(id);
      if (!topic) return [];
      return id === topicId || !topic.parentId ? [topic.name] : [...pathOf(topic.parentId), topic.name];
    };
    const questions: ExportQuestion[] = (await this.repository.activeQuestionsOfTopic(topicId))
      .map(({ question, version }) => ({
        type: version.type,
        text: version.text,
        options: version.options.map((o) => ({ text: o.text, correct: o.correct })),
        difficulty: version.difficulty,
        points: version.points,
        explanation: version.explanation,
        category: pathOf(question.topicId),
      }))
      // Grouped by category (a stable sort keeps each topic's own order).
      .sort((a, b) => a.category.join('/').localeCompare(b.category.join('/'), 'vi'));
    if (format === 'xlsx') return writeTemplateXlsx(questions);
    if (format === 'gift') return Buffer.from(writeGift(questions), 'utf8');
    return Buffer.from(writeAiken(questions).text, 'utf8');
  }
}
