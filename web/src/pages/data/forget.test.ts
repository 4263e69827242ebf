import { describe, expect, it } from 'vitest';
import { confirmed, exportFileName, isApiCopy, localKeysToForget } from './forget';

describe('localKeysToForget', () => {
  it("removes Unload's keys but keeps the access token and other sites' keys", () => {
    expect(localKeysToForget(['unload.outbox', 'unload.token', 'unload.voice', 'other.thing'])).toEqual([
      'unload.outbox',
      'unload.voice',
    ]);
  });
});

describe('isApiCopy', () => {
  it('recognises API answers and nothing else', () => {
    expect(isApiCopy('http://127.0.0.1:8080/api/v1/program')).toBe(true);
    expect(isApiCopy('http://127.0.0.1:8080/assets/index.js')).toBe(false);
    expect(isApiCopy('http://127.0.0.1:8080/')).toBe(false);
  });
});

describe('exportFileName', () => {
  it('names the file with the local date', () => {
    expect(exportFileName(new Date(2026, 2, 9, 23, 59))).toBe('unload-export-2026-03-09.json');
  });
});

describe('confirmed', () => {
  it('accepts the word however it is typed', () => {
    expect(confirmed('forget')).toBe(true);
    expect(confirmed('  Forget ')).toBe(true);
  });
  it('refuses anything else', () => {
    expect(confirmed('')).toBe(false);
    expect(confirmed('forgot')).toBe(false);
    expect(confirmed('delete')).toBe(false);
  });
});
