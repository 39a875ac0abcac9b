import { Body, Controller, Delete, Get, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EntryResponse, OrganizerEntryResponse, Page } from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/decorators.js';
import { sendFile } from '../../common/http/send-file.js';
import { PaginationQuery } from '../../common/pagination.js';
import { ParseUuid } from '../../common/parse-uuid.pipe.js';
import { ATTACHMENT_CONTENT_TYPES } from './attachments/attachment-content.js';
import { readAttachmentForm } from './attachments/attachment-form.js';
import { SubmitEntryDto, UpdateEntryDto } from './dto/essay.dto.js';
import { EntriesService } from './entries.service.js';
import { toEntryResponse, toOrganizerEntryResponse } from './essay.mapper.js';
import { ManagersOnly } from '../contests/contest-access.js';

@ApiTags('essays')
@Controller('rounds')
export class RoundEntriesController {
  constructor(private readonly entries: EntriesService) {}

  /** A member submits their essay (one per round) while the round is open. */
  @Post(':id/entries')
  async submit(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string, @Body() dto: SubmitEntryDto): Promise<EntryResponse> {
    return toEntryResponse(await this.entries.submit(user, id, dto.title, dto.body));
  }

  @Get(':id/entries/mine')
  async mine(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string): Promise<Page<EntryResponse>> {
    const views = await this.entries.mine(user, id);
    return { items: views.map(toEntryResponse), total: views.length };
  }

  @ManagersOnly('round')
  @Get(':id/entries')
  async list(@Param('id', ParseUuid) id: string, @Query() query: PaginationQuery): Promise<Page<OrganizerEntryResponse>> {
    const [views, total] = await this.entries.listForOrganizer(id, query.limit, query.offset);
    return { items: views.map(toOrganizerEntryResponse), total };
  }
}

@ApiTags('essays')
@Controller('entries')
export class EntriesController {
  constructor(private readonly entries: EntriesService) {}

  @Get(':id')
  async get(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string): Promise<EntryResponse> {
    return toEntryResponse(await this.entries.get(user, id));
  }

  /** Title and body, until the round closes. */
  @Put(':id')
  async update(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string, @Body() dto: UpdateEntryDto): Promise<EntryResponse> {
    return toEntryResponse(await this.entries.update(user, id, dto.title, dto.body));
  }

  /** multipart `file`: a PDF or DOCX (by content) of at most 10 MB; replaces the previous one. */
  @ApiConsumes('multipart/form-data')
  @Put(':id/attachment')
  async attach(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string, @Req() request: FastifyRequest): Promise<EntryResponse> {
    const upload = await readAttachmentForm(request);
    return toEntryResponse(await this.entries.attach(user, id, upload));
  }

  @Delete(':id/attachment')
  async detach(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string): Promise<EntryResponse> {
    return toEntryResponse(await this.entries.detach(user, id));
  }

  /** The file as uploaded, for its author and the organizers. */
  @Get(':id/attachment')
  async attachment(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string, @Res() reply: FastifyReply): Promise<void> {
    const { file, kind, code } = await this.entries.attachment(user, id);
    await sendFile(reply, file, ATTACHMENT_CONTENT_TYPES[kind], `${code}.${kind}`);
  }
}
