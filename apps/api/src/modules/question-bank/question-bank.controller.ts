import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, QuestionResponse, TopicResponse } from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, RequireRoles } from '../../common/auth/decorators.js';
import { ParseUuid } from '../../common/parse-uuid.pipe.js';
import { CreateQuestionDto, ListQuestionsQuery, UpdateQuestionDto } from './dto/question.dto.js';
import { CreateTopicDto, UpdateTopicDto } from './dto/topic.dto.js';
import { toQuestionResponse, toTopicResponse } from './question.mapper.js';
import { QuestionPoolService } from './question-pool.service.js';
import { QuestionsService } from './questions.service.js';

@ApiTags('question bank')
@ApiBearerAuth()
@RequireRoles('organizer')
@Controller()
export class QuestionBankController {
  constructor(
    private readonly questions: QuestionsService,
    private readonly pool: QuestionPoolService,
  ) {}

  /** Live questions per (topic, difficulty): the round builder shows it beside each blueprint line. */
  @Get('questions/availability')
  async availability(): Promise<{ items: { topicId: string; difficulty: string; count: number }[] }> {
    return { items: await this.pool.availability() };
  }

  @Get('topics')
  async listTopics(): Promise<TopicResponse[]> {
    return (await this.questions.listTopics()).map(toTopicResponse);
  }

  @Post('topics')
  async createTopic(@Body() dto: CreateTopicDto): Promise<TopicResponse> {
    return toTopicResponse(await this.questions.createTopic(dto));
  }

  @Patch('topics/:id')
  async updateTopic(@Param('id', ParseUuid) id: string, @Body() dto: UpdateTopicDto): Promise<TopicResponse> {
    return toTopicResponse(await this.questions.updateTopic(id, dto));
  }

  @Delete('topics/:id')
  @HttpCode(204)
  async deleteTopic(@Param('id', ParseUuid) id: string): Promise<void> {
    await this.questions.deleteTopic(id);
  }

  @Get('questions')
  async list(@Query() query: ListQuestionsQuery): Promise<Page<QuestionResponse>> {
    const [items, total] = await this.questions.list(query);
    return { items: items.map(toQuestionResponse), total };
  }

  @Post('questions')
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateQuestionDto): Promise<QuestionResponse> {
    return toQuestionResponse(await this.questions.create(user, dto));
  }

  @Get('questions/:id')
  async get(@Param('id', ParseUuid) id: string): Promise<QuestionResponse> {
    return toQuestionResponse(await this.questions.get(id));
  }

  @Patch('questions/:id')
  async update(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string, @Body() dto: UpdateQuestionDto): Promise<QuestionResponse> {
    return toQuestionResponse(await this.questions.update(user, id, dto));
  }

  @Delete('questions/:id')
  async archive(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string): Promise<QuestionResponse> {
    return toQuestionResponse(await this.questions.archive(user, id));
  }
}
