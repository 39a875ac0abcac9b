import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { languageFromHeader, type Language } from './language.js';

/** The request's language (`Accept-Language`, Vietnamese by default). */
export const Lang = createParamDecorator((_data: unknown, context: ExecutionContext): Language => {
  const request = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>();
  return languageFromHeader(request.headers['accept-language']);
});
