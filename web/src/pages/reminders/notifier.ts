// Browser notifications for reminders, while the app is open. Permission is asked only when the
// person clicks (never on load). Once granted and switched on, a check every half minute shows the
// reminders that fell due since the last one, through the service worker when there is one (so a
// click opens the app) and `new Notification` otherwise. Reminders that are long overdue (the
// computer slept) are dropped instead of arriving late in a bunch.
import { api } from '../../api/client';
import type { CurrentProgram, Reasons, ReminderSettings } from '../../api/types';
import { dueNow, type DatedReminder } from './schedule';
import type { ReminderPlan } from './types';

const WANTED_KEY = 'unload.reminders.notify';
const CHECK_MS = 30_000;
const STALE_MS = 10 * 60_000;
const REFRESH_MS = 60 * 60_000;

export type NotifyState = 'unsupported' | 'denied' | 'off' | 'on';

export function notificationsSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

export function notifyWanted(): boolean {
  try {
    return localStorage.getItem(WANTED_KEY) === 'on';
  } catch {
    return false;
  }
}

function setNotifyWanted(on: boolean): void {
  try {
    if (on) localStorage.setItem(WANTED_KEY, 'on');
    else localStorage.removeItem(WANTED_KEY);
  } catch {
    // Private browsing without storage: reminders last until the page closes.
  }
}

export function notifyState(): NotifyState {
  if (!notificationsSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  return Notification.permission === 'granted' && notifyWanted() ? 'on' : 'off';
}

/** The reminder plan of a program in force, or null when there is none (or it is withheld). */
export function planOf(current: CurrentProgram | null): ReminderPlan | null {
  const program = current?.plan.program;
  if (!program) return null;
  return {
    deskBreakMinutes: program.desk_break_minutes,
    sessionsPerDay: program.sessions_per_day,
    sessionMinutes: program.minutes,
  };
}

interface Loaded {
  settings: ReminderSettings;
  plan: ReminderPlan;
  deskBreakText: string;
}

let timer: ReturnType<typeof setInterval> | null = null;
let loaded: Loaded | null = null;
let loadedAt = 0;
let lastCheck = new Date();

async function load(): Promise<Loaded | null> {
  try {
    const [settings, current, reasons] = await Promise.all([
      api.get<ReminderSettings>('/api/v1/reminders'),
      api.get<CurrentProgram>('/api/v1/program'),
      api.get<Reasons>('/api/v1/reasons').catch(() => null),
    ]);
    const plan = planOf(current);
    if (!plan) return null;
    return { settings, plan, deskBreakText: reasons?.program.desk_break_text ?? '' };
  } catch {
    return null;
  }
}

/** Title and body of a reminder's notification. */
export function notificationText(reminder: Pick<DatedReminder, 'kind'>, plan: ReminderPlan, deskBreakText: string): { title: string; body: string } {
  if (reminder.kind === 'session') {
    return {
      title: 'Time for your Unload session',
      body: `Your routine takes about ${plan.sessionMinutes} minutes. Open Unload when you are ready.`,
    };
  }
  return {
    title: 'Time for a desk break',
    body: deskBreakText || 'Stand up, walk a few steps and change position for a minute or two.',
  };
}

export async function showNotification(title: string, body: string, tag: string): Promise<void> {
  const options: NotificationOptions = { body, tag, icon: '/icon.svg', badge: '/icon.svg', data: { url: '/#/' } };
  const container = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined;
  const registration = container ? await container.getRegistration().catch(() => undefined) : undefined;
  if (registration) {
    await registration.showNotification(title, options);
    return;
  }
  const notification = new Notification(title, options);
  notification.onclick = () => {
    window.focus();
    notification.close();
  };
}

async function check(): Promise<void> {
  const now = new Date();
  if (!loaded || now.getTime() - loadedAt > REFRESH_MS) {
    loaded = await load();
    loadedAt = now.getTime();
  }
  const from = lastCheck;
  lastCheck = now;
  if (!loaded || notifyState() !== 'on') return;
  for (const reminder of dueNow(loaded.settings, loaded.plan, from, now, STALE_MS)) {
    const text = notificationText(reminder, loaded.plan, loaded.deskBreakText);
    await showNotification(text.title, text.body, `unload-${reminder.kind}`).catch(() => undefined);
  }
}

/** Starts the checks when notifications are on; call once at app start and after any change. */
export function startReminders(): void {
  stopReminders();
  if (notifyState() !== 'on') return;
  lastCheck = new Date();
  loaded = null;
  void check();
  timer = setInterval(() => void check(), CHECK_MS);
}

export function stopReminders(): void {
  if (timer !== null) clearInterval(timer);
  timer = null;
}

/** Asks for permission (call from a click) and switches notifications on if it is given. */
export async function turnOn(): Promise<NotifyState> {
  if (!notificationsSupported()) return 'unsupported';
  const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
  if (permission === 'granted') {
    setNotifyWanted(true);
    startReminders();
  }
  return notifyState();
}

export function turnOff(): NotifyState {
  setNotifyWanted(false);
  stopReminders();
  return notifyState();
}
