import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError } from '../../common/errors/domain-error.js';
import { flattenValidationErrors } from '../../common/errors/validation.js';
import { AuthErrors } from './auth.errors.js';
import { LoginDto } from './dto/auth.dto.js';

/** Guards run before pipes: validate the login body here so bad input is a 400, not a 401. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ body: unknown }>();
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw DomainError.validation([{ field: '', constraint: 'unknownValue' }]);
    }
    const dto = plainToInstance(LoginDto, body);
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true });
    if (errors.length) throw DomainError.validation(flattenValidationErrors(errors));
    request.body = dto;
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error) throw error;
    if (!user) throw AuthErrors.error('AUTH.INVALID_CREDENTIALS');
    return user;
  }
}
