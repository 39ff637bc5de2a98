/** The wire shape of a refusal, and of an acknowledgement (ok with data, or an error). */
import { z } from 'zod';
import { isErrorCode, type ErrorCode } from './codes';

/** One field-level problem: the field's dotted path and a sentence naming it. */
export const specIssueSchema = z.object({ path: z.string(), message: z.string() });

const errorCode = z.custom<ErrorCode>((v) => typeof v === 'string' && isErrorCode(v), { message: 'not a catalogued error code' });

export const apiErrorSchema = z.object({
  code: errorCode,
  /** Human-readable explanation (English); the UI maps codes to its own language. */
  message: z.string(),
  /** Field-level problems, for spec and weight validation (models/spec.ts SpecIssue's shape). */
  issues: z.array(specIssueSchema).optional(),
});
/** A refusal: `code` is a catalogued code (the browser adds its own client/* ones). */
export type ApiError = z.infer<typeof apiErrorSchema>;

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };
export type Ack<T> = (result: Result<T>) => void;

/** The wire shape of an acknowledgement whose data is `data`. */
export const resultSchema = <S extends z.ZodType>(data: S) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data }), z.object({ ok: z.literal(false), error: apiErrorSchema })]);
