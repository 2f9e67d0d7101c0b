// What encrypting personal fields costs the CPU, per value (AES-256-GCM, HMAC-SHA256 lookups).
import { randomBytes } from 'node:crypto';
import {
  decryptField, encryptField, encryptSame, fieldKey, installFieldKeys, lookupHash, searchTokens,
} from '../apps/api/src/platform/crypto/fields';

installFieldKeys({ current: fieldKey(randomBytes(32)), previous: [] });
const RUNS = 100_000;
const MESSAGE = 'Oi, queria marcar uma avaliação para o meu filho Pedro amanhã às 16h';
const sealed = encryptField(MESSAGE);

function measure(name: string, op: () => unknown): void {
  const started = performance.now();
  for (let i = 0; i < RUNS; i++) op();
  const microseconds = ((performance.now() - started) * 1000) / RUNS;
  console.log(JSON.stringify({ bench: 'field-encryption', op: name, microsecondsPerOp: Number(microseconds.toFixed(2)) }));
}

measure('encryptField (a 70-character message)', () => encryptField(MESSAGE));
measure('decryptField', () => decryptField(sealed));
measure('encryptSame (a channel handle)', () => encryptSame('5511987650001'));
measure('lookupHash (a phone)', () => lookupHash('phone', '+5511987650001'));
measure('searchTokens (a name and a phone)', () => searchTokens({ name: 'Beatriz Rocha Lima', phone: '+5511987650001' }));
