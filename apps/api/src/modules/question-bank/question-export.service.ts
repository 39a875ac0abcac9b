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

  /** Active questions of a topic (or the whole bank), newest versions; null when the topic does not exist. */
  async export(format: ExportFormat, topicId: string | undefined): Promise<Buffer | null> {
    const topic = topicId ? await this.repository.findTopic(topicId) : null;
    if (topicId && !topic) return null;
    const questions: ExportQuestion[] = (await this.repository.activeQuestionsOfTopic(topicId)).map(({ version }) => ({
      type: version.type,
      text: version.text,
      options: version.options.map((o) => ({ text: o.text, correct: o.correct })),
      difficulty: version.difficulty,
      points: version.points,
      explanation: version.explanation,
    }));
    if (format === 'xlsx') return writeTemplateXlsx(questions);
    if (format === 'gift') return Buffer.from(writeGift(questions, topic ? { category: [topic.name] } : {}), 'utf8');
    return Buffer.from(writeAiken(questions).text, 'utf8');
  }
}
