import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainException } from '@ducha/common';
import type { FieldIssue } from '@ducha/contracts';

function flatten(errors: ValidationError[], prefix = ''): FieldIssue[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Every input is validated before a service sees it; unknown fields are refused, not dropped silently. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const issues = flatten(errors);
      return DomainException.badInput(issues.map((i) => i.reason).join('; ') || 'Invalid input', issues);
    },
  });
}
