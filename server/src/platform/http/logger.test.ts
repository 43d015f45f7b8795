import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { redactPaths, redactUrl } from './logger.ts';

describe('logs', () => {
  it('never hold NIK, KK, phone or passwords', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = pino({ redact: { paths: redactPaths, censor: '[redacted]' } }, sink);
    log.info(
      { nik: '3201012345670003', person: { kk: '3201010101010001', phone: '081234567890', name: 'Siti' } },
      'registered',
    );
    log.info({ body: { user: { password: 'Rahasia-Sekali-123' } } }, 'x');
    const text = lines.join('');
    expect(text).not.toMatch(/3201012345670003|3201010101010001|081234567890|Rahasia-Sekali/);
    expect(text).toContain('Siti');
  });

  it('blanks personal query values in logged URLs', () => {
    expect(redactUrl('/api/persons?q=3201012345670003&page=2')).toBe('/api/persons?q=%5Bredacted%5D&page=2');
    expect(redactUrl('/api/centers')).toBe('/api/centers');
  });
});
