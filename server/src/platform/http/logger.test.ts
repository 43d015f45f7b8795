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
    log.info({ err: { params: ['3201012345670009'] } }, 'y');
    const text = lines.join('');
    expect(text).not.toMatch(
      /3201012345670003|3201010101010001|081234567890|Rahasia-Sekali|3201012345670009/,
    );
    expect(text).toContain('Siti');
  });

  it('blanks every query value but the plain ones named as never personal', () => {
    expect(redactUrl('/api/persons?q=3201012345670003&page=2')).toBe('/api/persons?q=%5Bredacted%5D&page=2');
    expect(redactUrl('/lacak?code=SRS-7K4MQ-9PQXD')).toBe('/lacak?code=%5Bredacted%5D');
    expect(redactUrl('/api/x?nomor=081234567890&page=2%20or%20x')).toBe(
      '/api/x?nomor=%5Bredacted%5D&page=%5Bredacted%5D',
    );
    expect(redactUrl('/api/centers')).toBe('/api/centers');
  });

  it('blanks path values that are not UUIDs: route parameters, and unknown segments', () => {
    const id = '01963f6e-8f3a-7c2b-9d4e-5f6a7b8c9d0e';
    expect(redactUrl('/api/serasi/track/SRS-7K4MQ-9PQXD', '/api/serasi/track/:code')).toBe(
      '/api/serasi/track/[redacted]',
    );
    expect(
      redactUrl(
        `/api/cases/${id}/referrals/${id}/letter.pdf`,
        '/api/cases/:id/referrals/:referralId/letter.pdf',
      ),
    ).toBe(`/api/cases/${id}/referrals/${id}/letter.pdf`);
    expect(redactUrl('/api/regions/32.75', '/api/regions/:code')).toBe('/api/regions/[redacted]');
    // No route (a page of the web app, a mistyped address): only UUIDs and plain words stay.
    expect(redactUrl(`/lacak/SRS-7K4MQ-9PQXD`)).toBe('/lacak/[redacted]');
    expect(redactUrl(`/kasus/${id}`)).toBe(`/kasus/${id}`);
    expect(redactUrl('/api/persons/3201012345670003/family')).toBe('/api/persons/[redacted]/family');
    expect(redactUrl('/assets/index-AbC123.js', '/assets/index-AbC123.js')).toBe('/assets/index-AbC123.js');
  });
});
