// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- node's own implementations are the reference the hand-written ones are tested against
import { createCipheriv, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aesCbcDecrypt, aesCbcEncryptBlocks, rc4 } from './ciphers.ts';
import { md5 } from './md5.ts';
import { sha256, sha384, sha512 } from './sha2.ts';

const sample = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 131 + seed * 17 + 7) & 0xff);
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const LENGTHS = [0, 1, 55, 56, 63, 64, 111, 112, 127, 128, 129, 1000, 4096];

describe('the security handler primitives agree with node:crypto', () => {
  it('MD5, SHA-256, SHA-384 and SHA-512 at every padding boundary', () => {
    for (const length of LENGTHS) {
      const data = sample(length, length);
      expect(hex(md5(data)), `md5 ${length}`).toBe(createHash('md5').update(data).digest('hex'));
      expect(hex(sha256(data)), `sha256 ${length}`).toBe(createHash('sha256').update(data).digest('hex'));
      expect(hex(sha384(data)), `sha384 ${length}`).toBe(createHash('sha384').update(data).digest('hex'));
      expect(hex(sha512(data)), `sha512 ${length}`).toBe(createHash('sha512').update(data).digest('hex'));
    }
  });

  it('AES-128 and AES-256 CBC, decrypting with and without padding and encrypting whole blocks', () => {
    for (const keyLength of [16, 32] as const) {
      for (const length of [0, 1, 15, 16, 17, 100, 4096]) {
        const key = sample(keyLength, length);
        const iv = sample(16, length + 1);
        const plain = sample(length, length + 2);
        const cipher = createCipheriv(keyLength === 16 ? 'aes-128-cbc' : 'aes-256-cbc', key, iv);
        const encrypted = new Uint8Array(Buffer.concat([iv, cipher.update(plain), cipher.final()]));
        expect(hex(aesCbcDecrypt(key, encrypted)), `decrypt ${keyLength} ${length}`).toBe(hex(plain));
        if (length % 16 === 0 && length > 0) {
          const raw = createCipheriv(keyLength === 16 ? 'aes-128-cbc' : 'aes-256-cbc', key, iv).setAutoPadding(false);
          const blocks = new Uint8Array(Buffer.concat([raw.update(plain), raw.final()]));
          expect(hex(aesCbcEncryptBlocks(key, iv, plain)), `encrypt ${keyLength} ${length}`).toBe(hex(blocks));
          expect(hex(aesCbcDecrypt(key, new Uint8Array([...iv, ...blocks]), false))).toBe(hex(plain));
        }
      }
    }
  });

  it('RC4 on the published test vector', () => {
    expect(hex(rc4(new TextEncoder().encode('Key'), new TextEncoder().encode('Plaintext')))).toBe('bbf316e8d940af0ad3');
  });
});
