import { describe, expect, it } from 'vitest';
import { parseHash } from './router';

describe('parseHash', () => {
  it('reads an empty hash as the home path', () => {
    expect(parseHash('').path).toBe('/');
    expect(parseHash('#').segments).toEqual([]);
  });
  it('splits the path and decodes its segments', () => {
    const route = parseHash('#/learn/warning%20signs');
    expect(route.path).toBe('/learn/warning%20signs');
    expect(route.segments).toEqual(['learn', 'warning signs']);
  });
  it('keeps the query apart from the path', () => {
    const route = parseHash('#/session?speed=20&voice=off');
    expect(route.segments).toEqual(['session']);
    expect(route.query.get('speed')).toBe('20');
    expect(route.query.get('voice')).toBe('off');
  });
  it('accepts a hash without a leading slash', () => {
    expect(parseHash('#program').segments).toEqual(['program']);
  });
});
