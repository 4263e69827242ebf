// The words of the "who can see your record" and "who opened your record" sections (clinic mode,
// a signed-in person): the care links and audit events the server sends, turned into short plain
// sentences. Pure, so the tests can read them without a browser.
import type { AuditEvent, CareLink } from '../../api/types';

/** The events someone other than the person did: their own reading and joining is left out. */
export function othersEvents(events: readonly AuditEvent[], username: string): AuditEvent[] {
  return events.filter((event) => event.actor !== username);
}

/** Clinicians' account ids to the names the care links give them. */
export function clinicianNames(links: readonly CareLink[]): Map<number, string> {
  return new Map(links.map((link) => [link.clinician, link.clinician_name]));
}

/** Who did it, as a person would say it. `names` gives a clinician's name by account id. */
export function whoDid(event: AuditEvent, names: ReadonlyMap<number, string> = new Map()): string {
  const known = event.account !== null ? names.get(event.account) : undefined;
  switch (event.role) {
    case 'clinician':
      return `${known ?? event.actor} (clinician)`;
    case 'admin':
      return `${event.actor} (clinic administrator)`;
    case 'host': {
      const user = event.actor.startsWith('host:') ? event.actor.slice('host:'.length) : '';
      return user ? `Someone working on the server itself (as ${user})` : 'Someone working on the server itself';
    }
    case 'token':
      return "Someone using the server's access token";
    case 'nobody':
      return 'Someone who was not signed in';
    case 'personal':
      return 'Unload on this computer';
    default:
      return event.actor;
  }
}

/** What they did, in plain words: "read your record", "changed your record", "was refused". */
export function whatHappened(event: AuditEvent): string {
  const { action, resource } = event;
  if (action === 'denied') return resource === 'record' ? 'tried to open your record and was refused' : 'was refused';
  if (resource === 'record') {
    if (action === 'read') return 'read your record';
    if (action === 'update') return 'changed your record';
  }
  if (action === 'export') return 'downloaded a copy of your record';
  if (resource === 'care_link') {
    if (action === 'create') return 'added you to their care';
    if (action === 'delete') return 'ended their access to your record';
  }
  if (resource.startsWith('account:')) {
    if (resource.endsWith(':password')) return 'set a new password for your account';
    if (action === 'create') return 'made your account';
    if (action === 'enable') return 'turned your account back on';
    if (action === 'disable') return 'turned your account off';
  }
  if (resource === 'audit' && action === 'read') return 'looked at this list';
  // Something this page has no words for yet: say it as the server does, without underscores.
  return `${action.replace(/_/g, ' ')} (${resource.replace(/_/g, ' ')})`;
}

const REASONS: Record<string, string> = {
  forbidden: 'not allowed',
  not_found: 'not found',
  unauthorized: 'not signed in',
  invalid_input: 'not accepted',
};

/** How it ended: "Done", or why it did not happen. */
export function outcomeWords(event: AuditEvent): string {
  if (event.outcome === 'ok') return 'Done';
  // A clinician refused someone's record is told "no such person in your care": no access.
  if (event.resource === 'record' && (event.outcome === 'not_found' || event.outcome === 'forbidden')) {
    return 'Not done (no access)';
  }
  const reason = REASONS[event.outcome] ?? event.outcome.replace(/_/g, ' ');
  return `Not done (${reason})`;
}

/** True when the event did not go through (a refusal, a code that did not work). */
export function refused(event: AuditEvent): boolean {
  return event.action === 'denied' || event.outcome !== 'ok';
}

/** A moment in the person's own calendar and clock: "9 Mar 2026, 14:05". */
export function formatMoment(iso: string, locale?: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/** A day in the person's own calendar: "9 March 2026". */
export function formatDay(iso: string, locale?: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(date);
}

/** How the clinician came to see the record. */
export function howLinked(link: CareLink): string {
  return link.origin === 'registered' ? 'They registered you in their care' : 'You joined with their code';
}

/** True when nothing but spaces and dashes was typed: said before asking the server. */
export function codeMissing(typed: string): boolean {
  return typed.replace(/[\s-]/g, '') === '';
}
