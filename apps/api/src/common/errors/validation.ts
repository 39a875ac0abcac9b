import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError, type ValidationDetail } from './domain-error.js';

/** Deeper than any body of the API (a question's options are 3 levels down): deeper only costs stack. */
export const MAX_INPUT_DEPTH = 16;
/** Longer than any list a body may hold (ArrayMaxSize ≤ 1,000): longer only costs time (ArrayUnique is quadratic). */
export const MAX_INPUT_ARRAY = 10_000;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What no field of a request may hold, whatever its DTO says, checked before any transformer or
 * validator runs (issue 16): nesting deeper than MAX_INPUT_DEPTH (class-transformer recurses until the
 * stack runs out), lists longer than MAX_INPUT_ARRAY, NUL characters (PostgreSQL text cannot store
 * them) and lone surrogates (PostgreSQL refuses them in jsonb; validators throw on them). Iterative,
 * so a hostile value cannot exhaust the stack here either. Returns the problems (empty when none).
 */
export function inspectInput(value: unknown, root = ''): ValidationDetail[] {
  const details: ValidationDetail[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  const text = (candidate: string, path: string) => {
    if (candidate.includes('\u0000')) details.push({ field: path, constraint: 'noNullCharacter' });
    else if (LONE_SURROGATE.test(candidate)) details.push({ field: path, constraint: 'wellFormedText' });
  };
  while (stack.length && details.length < 20) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === 'string') {
      text(current, path);
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      details.push({ field: path, constraint: 'maxDepth', params: { n: MAX_INPUT_DEPTH } });
      continue;
    }
    if (Array.isArray(current)) {
      if (current.length > MAX_INPUT_ARRAY) {
        details.push({ field: path, constraint: 'arrayMaxSize', params: { n: MAX_INPUT_ARRAY } });
        continue;
      }
      current.forEach((item, index) => stack.push({ value: item, path: path ? `${path}.${index}` : String(index), depth: depth + 1 }));
      continue;
    }
    for (const [key, item] of Object.entries(current)) {
      const at = path ? `${path}.${key}` : key;
      text(key, at);
      stack.push({ value: item, path: at, depth: depth + 1 });
    }
  }
  return details;
}

/** Throws 400 VALIDATION when `inspectInput` finds anything. */
export function assertSafeInput(value: unknown, root = ''): void {
  const details = inspectInput(value, root);
  if (details.length) throw DomainError.validation(details);
}

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

/**
 * The validation pipe, hardened (the input itself was inspected by the `preValidation` hook of
 * app.setup.ts): a validator or transformer that throws on a hostile value (validator.js's isEmail on a lone surrogate,
 * class-validator's maxDecimalPlaces on `5e-324`) makes a 400, not a 500: the input was bad.
 */
class SafeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof TypeError || error instanceof RangeError || error instanceof URIError) {
        throw DomainError.invalidField(await culprit(value, metadata), 'invalid');
      }
      throw error;
    }
  }
}

/** The top-level field whose value made a validator throw, found by validating the fields one by one. */
async function culprit(value: unknown, metadata: ArgumentMetadata): Promise<string> {
  const whole = metadata.data ?? metadata.type;
  if (!metadata.metatype || value === null || typeof value !== 'object' || Array.isArray(value)) return whole;
  for (const [key, field] of Object.entries(value)) {
    try {
      await validate(plainToInstance(metadata.metatype as new () => object, { [key]: field }) as object, { skipMissingProperties: true });
    } catch {
      return key;
    }
  }
  return whole;
}

/** Whitelist DTOs, reject unknown fields, transform to DTO classes; failures become `VALIDATION`. */
export function createValidationPipe(): ValidationPipe {
  return new SafeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => DomainError.validation(flattenValidationErrors(errors)),
  });
}
