/** sha256 (hex) of a bearer secret: what the database keeps of player and host tokens, never the secret. */
import { createHash } from 'node:crypto';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
