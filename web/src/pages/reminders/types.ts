// What the reminders area works out for itself; the reminder settings it reads and stores are the
// API's `ReminderSettings` (api/types.ts).

/** What the program in force says about reminders: how often to break, how many sessions a day. */
export interface ReminderPlan {
  deskBreakMinutes: number;
  sessionsPerDay: number;
  sessionMinutes: number;
}
