import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type ValidationDetail } from './domain-error.js';

/** class-validator messages carry the bound (e.g. "longer than or equal to 8"): reuse it in ours. */
function numberIn(message: string | undefined): number | undefined {
  const match = message?.match(/-?\d+(\.\d+)?/);
  return match ? Number(match[0]) : undefined;
}

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): ValidationDetail[] {
  const details: ValidationDetail[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      const n = numberIn(message);
      details.push({ field, constraint, fallback: message, params: n === undefined ? {} : { n } });
    }
    if (error.children?.length) details.push(...flattenValidationErrors(error.children, field));
  }
  return details;
}

/** Whitelist DTOs, reject unknown fields, transform to DTO classes; failures become `VALIDATION`. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => DomainError.validation(flattenValidationErrors(errors)),
  });
}
