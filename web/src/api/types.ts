// The documents of the HTTP API, as docs/openapi.yaml defines them. `npm run api-types` generates
// schema.d.ts from that file (build and test run it first); this module only names its schemas,
// and the parts of them the pages pass around, so every page reads and sends the same types. A
// field the server adds goes into docs/openapi.yaml, never into a page.
import type { components, operations } from './schema';

type Schemas = components['schemas'];

// --- Shared words --------------------------------------------------------------------------------
/** An ISO date in the person's time zone: `2026-03-02`. */
export type Day = Schemas['Day'];
export type Verdict = Schemas['Verdict'];
export type Urgency = Schemas['Urgency'];
export type Reason = Schemas['Reason'];
export type GivenAdvice = Schemas['GivenAdvice'];
export type ErrorDocument = Schemas['Error'];

// --- Content -------------------------------------------------------------------------------------
export type Exercise = Schemas['Exercise'];
export type ExerciseModification = Schemas['ExerciseModification'];
export type Rules = Schemas['Rules'];
export type RuleSource = Rules['sources'][number];
export type LearnTopics = Schemas['LearnTopics'];
export type LearnTopic = Schemas['LearnTopic'];
export type LearnSection = LearnTopic['sections'][number];
export type LearnRule = LearnTopic['rules'][number];
export type Reasons = Schemas['Reasons'];
export type Explanation = Schemas['Explanation'];

// --- Onboarding: the form, the intake and its screening ------------------------------------------
export type IntakeForm = Schemas['IntakeForm'];
export type IntakeTopic = Schemas['IntakeTopic'];
export type IntakeQuestion = Schemas['IntakeQuestion'];
export type IntakeField = Schemas['IntakeField'];
export type Questionnaire = Schemas['Questionnaire'];
export type Instrument = Questionnaire['id'];
export type Intake = Schemas['Intake'];
export type StoredIntake = Schemas['StoredIntake'];
export type RescreenAnswers = Schemas['RescreenAnswers'];
/** How far down the leg symptoms reach (`symptoms.leg`). */
export type LegExtent = RescreenAnswers['leg'];
export type Screen = Schemas['Screen'];
export type ScreenWarning = Screen['warnings'][number];
export type ScreenExcluded = Screen['excluded'][number];

// --- The program ---------------------------------------------------------------------------------
export type Plan = Schemas['Plan'];
export type Program = Schemas['Program'];
export type RoutineEntry = Schemas['RoutineEntry'];
export type Offer = Schemas['Offer'];
export type CurrentProgram = Schemas['CurrentProgram'];
/** POST /api/v1/program: 201 with the version started, or 200 when screening withheld it. */
export type StartedOrWithheld = Schemas['StartedProgram'] | Schemas['WithheldProgram'];

// --- The safety stop and follow-ups --------------------------------------------------------------
export type StopAnswer = Schemas['StopAnswer'];
export type OpenSafetyStop = Schemas['OpenSafetyStop'];
export type FollowUps = Schemas['FollowUps'];
export type FollowUp = Schemas['FollowUp'];

// --- Sessions ------------------------------------------------------------------------------------
export type TodaySession = Schemas['TodaySession'];
export type StopReasonChoice = TodaySession['stop_reasons'][number];
export type Timeline = Schemas['Timeline'];
export type TimelineStep = Schemas['TimelineStep'];
export type Cue = TimelineStep['cues'][number];
export type Control = Schemas['Control'];
export type ReplayRequest = Schemas['ReplayRequest'];
export type Replay = Schemas['Replay'];
export type StopOutcome = Schemas['StopOutcome'];
export type PlayedSession = Schemas['PlayedSession'];
export type Session = Schemas['Session'];
export type RecordedSession = Schemas['RecordedSession'];
export type Rating = Schemas['Rating'];
export type ExerciseRating = Schemas['ExerciseRating'];

// --- Progress, diary, scores and reviews ---------------------------------------------------------
export type Progress = Schemas['Progress'];
export type ProgressDay = Progress['days'][number];
export type ProgressScore = Progress['scores'][number];
export type ExerciseFeedback = Progress['feedback'][number];
export type Mcid = Schemas['Mcid'];
export type Diary = Schemas['Diary'];
export type Pain = Schemas['Pain'];
export type PainRequest = Schemas['PainRequest'];
export type ScoreAnswer = Schemas['ScoreAnswers'][number];
export type ScoreRequest = Schemas['ScoreRequest'];
export type ScoreRecord = Schemas['ScoreRecord'];
export type InstrumentScore = Schemas['InstrumentScore'];
/**
 * POST /api/v1/scores with `save`: the score and the record under `saved`. Spelled out from its
 * parts because openapi-typescript 7 reads `allOf` over a discriminated `oneOf` as a subtype and
 * sets `instrument` to the schema's own name (openapi-ts/openapi-typescript#1690).
 */
export type SavedScore = InstrumentScore & { saved: ScoreRecord };
export type ReviewDecision = Schemas['ReviewDecision'];
export type ReviewRecord = Schemas['ReviewRecord'];
export type Review = Schemas['Review'];
export type WeekSummary = Schemas['WeekSummary'];

// --- Reminders and data --------------------------------------------------------------------------
export type ReminderSettings = Schemas['ReminderSettings'];
export type ForgetRequest = Schemas['ForgetRequest'];

// --- Accounts (clinic mode) ----------------------------------------------------------------------
export type Account = Schemas['Account'];
/** GET /api/v1/me: the signed-in account in a clinic; no account in personal mode. */
export type Me = operations['getMe']['responses'][200]['content']['application/json'];
export type LoginRequest = NonNullable<operations['login']['requestBody']>['content']['application/json'];
/** Who can open a record: a clinician and a person, joined since `since`. */
export type CareLink = Schemas['CareLink'];
/** One line of the audit trail: who did what to whose record, and when. */
export type AuditEvent = Schemas['AuditEvent'];
