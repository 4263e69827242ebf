import { describe, expect, it } from 'vitest';
import type { AuditEvent, CareLink } from '../../api/types';
import {
  clinicianNames,
  codeMissing,
  formatDay,
  formatMoment,
  howLinked,
  othersEvents,
  outcomeWords,
  refused,
  whatHappened,
  whoDid,
} from './care';

function event(fields: Partial<AuditEvent>): AuditEvent {
  return {
    id: 1,
    at: '2026-03-09T14:05:00Z',
    actor: 'ana',
    account: 2,
    role: 'clinician',
    action: 'read',
    person: 1,
    resource: 'record',
    outcome: 'ok',
    request_id: 'r-1',
    ...fields,
  };
}

const link: CareLink = {
  clinician: 2,
  clinician_name: 'Ana Souza',
  person: 1,
  person_name: 'ben',
  origin: 'invitation',
  since: '2026-03-01T09:00:00Z',
};

describe('othersEvents', () => {
  it("leaves out the person's own actions and keeps the order", () => {
    const events = [
      event({ id: 4, actor: 'ben', role: 'person', resource: 'audit' }),
      event({ id: 3 }),
      event({ id: 2, actor: 'ben', role: 'person', action: 'create', resource: 'care_link' }),
      event({ id: 1, actor: 'host:root', role: 'host', account: null, action: 'create', resource: 'account:ben' }),
    ];
    expect(othersEvents(events, 'ben').map((e) => e.id)).toEqual([3, 1]);
  });
  it('keeps everything when none is the person’s own', () => {
    expect(othersEvents([event({})], 'ben')).toHaveLength(1);
    expect(othersEvents([], 'ben')).toEqual([]);
  });
});

describe('whoDid', () => {
  it("names a clinician by the care link's name when there is one", () => {
    expect(whoDid(event({}), clinicianNames([link]))).toBe('Ana Souza (clinician)');
    expect(whoDid(event({ account: 7, actor: 'carl' }), clinicianNames([link]))).toBe('carl (clinician)');
  });
  it('says who the others are in plain words', () => {
    expect(whoDid(event({ role: 'admin', actor: 'dora' }))).toBe('dora (clinic administrator)');
    expect(whoDid(event({ role: 'host', actor: 'host:root', account: null }))).toBe(
      'Someone working on the server itself (as root)',
    );
    expect(whoDid(event({ role: 'nobody', actor: 'nobody', account: null }))).toBe('Someone who was not signed in');
    expect(whoDid(event({ role: 'token', actor: 'token', account: null }))).toBe("Someone using the server's access token");
  });
});

describe('whatHappened', () => {
  it('says what was done to the record', () => {
    expect(whatHappened(event({}))).toBe('read your record');
    expect(whatHappened(event({ action: 'update' }))).toBe('changed your record');
    expect(whatHappened(event({ action: 'denied', outcome: 'not_found' }))).toBe(
      'tried to open your record and was refused',
    );
    expect(whatHappened(event({ action: 'denied', resource: 'people' }))).toBe('was refused');
    expect(whatHappened(event({ action: 'export', resource: 'export' }))).toBe('downloaded a copy of your record');
  });
  it('says what was done to the care link and the account', () => {
    expect(whatHappened(event({ action: 'create', resource: 'care_link' }))).toBe('added you to their care');
    expect(whatHappened(event({ action: 'delete', resource: 'care_link' }))).toBe('ended their access to your record');
    expect(whatHappened(event({ action: 'create', resource: 'account:ben' }))).toBe('made your account');
    expect(whatHappened(event({ action: 'update', resource: 'account:ben:password' }))).toBe(
      'set a new password for your account',
    );
    expect(whatHappened(event({ action: 'disable', resource: 'account:ben' }))).toBe('turned your account off');
  });
  it('falls back to the server’s own words, without underscores', () => {
    expect(whatHappened(event({ action: 'new_thing', resource: 'some_part' }))).toBe('new thing (some part)');
  });
});

describe('outcomeWords and refused', () => {
  it('says done, or why not', () => {
    expect(outcomeWords(event({}))).toBe('Done');
    expect(outcomeWords(event({ action: 'denied', outcome: 'not_found' }))).toBe('Not done (no access)');
    expect(outcomeWords(event({ resource: 'care_link', outcome: 'not_found' }))).toBe('Not done (not found)');
    expect(outcomeWords(event({ resource: 'people', outcome: 'rate_limited' }))).toBe('Not done (rate limited)');
  });
  it('marks refusals and failures', () => {
    expect(refused(event({}))).toBe(false);
    expect(refused(event({ action: 'denied', outcome: 'forbidden' }))).toBe(true);
    expect(refused(event({ outcome: 'not_found' }))).toBe(true);
  });
});

describe('dates', () => {
  it("shows the moment in the person's locale and time zone", () => {
    expect(formatMoment('2026-03-09T14:05:00Z', 'en-GB', 'UTC')).toBe('9 Mar 2026, 14:05');
    expect(formatMoment('2026-03-09T23:30:00Z', 'en-GB', 'Europe/Berlin')).toBe('10 Mar 2026, 00:30');
    expect(formatMoment('2026-03-09T14:05:00Z', 'en-US', 'UTC')).toBe('Mar 9, 2026, 2:05 PM');
  });
  it('shows the day a link began', () => {
    expect(formatDay('2026-03-01T09:00:00Z', 'en-GB', 'UTC')).toBe('1 March 2026');
  });
  it('leaves an unreadable date as it came', () => {
    expect(formatMoment('not a date')).toBe('not a date');
  });
});

describe('howLinked and codeMissing', () => {
  it('says how the clinician came to see the record', () => {
    expect(howLinked(link)).toBe('You joined with their code');
    expect(howLinked({ ...link, origin: 'registered' })).toBe('They registered you in their care');
  });
  it('knows an empty code before asking the server', () => {
    expect(codeMissing('')).toBe(true);
    expect(codeMissing(' - ')).toBe(true);
    expect(codeMissing('abcd-efgh-jkmn')).toBe(false);
  });
});
