// Identifier helpers: Git object/commit ids (content hashes, so deterministic) and the random
// ids of things created while the simulator runs.
import { createHash, randomBytes, randomUUID } from 'node:crypto';

export function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** The blob id Git would give this content. */
export function gitObjectId(content: string): string {
  return sha1(`blob ${Buffer.byteLength(content)}\0${content}`);
}

export function correlationId(): string {
  return randomUUID();
}

/** 22-character url-safe id, the shape of a Harness planExecutionId. */
export function planExecutionId(): string {
  return randomBytes(16).toString('base64url');
}
