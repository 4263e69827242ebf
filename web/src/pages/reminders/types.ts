// GET/PUT /api/v1/reminders (docs/openapi.yaml: ReminderSettings). Times are `HH:MM` local;
// days are 1 (Monday) to 7 (Sunday).
export interface ReminderSettings {
  sessions: boolean;
  session_times: string[];
  desk_breaks: boolean;
  work_start: string;
  work_end: string;
  work_days: number[];
}

/** What the program in force says about reminders: how often to break, how many sessions a day. */
export interface ReminderPlan {
  deskBreakMinutes: number;
  sessionsPerDay: number;
  sessionMinutes: number;
}
