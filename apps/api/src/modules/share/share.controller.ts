import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors/domain-error.js';
import { renderShareNotFound, renderSharePage, sharePagePolicy, type ShareLanguage } from './share-page.js';
import { ShareService } from './share.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A host name or address with an optional port; anything else in Host is not echoed into the page. */
const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
/** Drawn from apps/web/public/share-card.svg; the client build serves it at the root. */
export const SHARE_IMAGE_PATH = '/share-card.png';
export const SHARE_PATH = '/share/rounds/:roundId/:userId';

type ShareRequest = FastifyRequest<{ Params: { roundId: string; userId: string }; Querystring: { lang?: string } }>;

/**
 * GET /share/rounds/:roundId/:userId — the page a member's share link points to. It lives outside
 * /api (a link people read), so it is a Fastify route, not a Nest one: every Nest controller gets
 * the /api prefix. It is added at application bootstrap, after Nest has installed its error handler
 * (init), so failures still go through the exception filter; Fastify prefers this route to the
 * client's catch-all `/*` whatever the order they are added in.
 */
@Injectable()
export class ShareController implements OnApplicationBootstrap {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly share: ShareService,
  ) {}

  onApplicationBootstrap(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.get(SHARE_PATH, (request: ShareRequest, reply: FastifyReply) => this.page(request, reply));
  }

  async page(request: ShareRequest, reply: FastifyReply): Promise<FastifyReply> {
    const language: ShareLanguage = request.query.lang === 'en' ? 'en' : 'vi';
    const { roundId, userId } = request.params;
    if (!UUID.test(roundId) || !UUID.test(userId)) return this.notFound(reply, language);

    let result;
    try {
      result = await this.share.sharedResult(roundId.toLowerCase(), userId.toLowerCase());
    } catch (error) {
      if (error instanceof DomainError && error.code.startsWith('ROUND.')) return this.notFound(reply, language);
      throw error;
    }

    const origin = `${request.protocol === 'https' ? 'https' : 'http'}://${HOST.test(request.host) ? request.host : 'localhost'}`;
    const query = language === 'vi' ? '' : `?lang=${language}`;
    const html = renderSharePage({
      language,
      pageUrl: `${origin}/share/rounds/${roundId.toLowerCase()}/${userId.toLowerCase()}${query}`,
      imageUrl: `${origin}${SHARE_IMAGE_PATH}`,
      targetPath: `/rounds/${roundId.toLowerCase()}`,
      ...result,
    });
    // Crawlers come back for a changed score after a while; a few minutes of caching is enough.
    return reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=300').header('content-security-policy', sharePagePolicy(html)).send(html);
  }

  private notFound(reply: FastifyReply, language: ShareLanguage): FastifyReply {
    const html = renderShareNotFound(language);
    return reply.status(404).type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('content-security-policy', sharePagePolicy(html)).send(html);
  }
}
