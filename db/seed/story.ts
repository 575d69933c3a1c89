import type { CASE_STATUSES, EVENT_TYPES, SEVERITIES } from "@/db/schema/enums";
import type { complaintEvents, complaints, debriefs, followUps, promises } from "@/db/schema";
import type { DemoAccount } from "./accounts";
import type { Random } from "./random";

export type ComplaintRow = typeof complaints.$inferInsert & { id: string; status: CaseStatus; minutesSpent: number };
export type EventRow = typeof complaintEvents.$inferInsert;
export type PromiseRow = typeof promises.$inferInsert & { id: string };
export type FollowUpRow = typeof followUps.$inferInsert & { id: string };
export type DebriefRow = typeof debriefs.$inferInsert;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type StaffKey = DemoAccount["key"];
export type Actor = StaffKey | "customer" | "system";
type EventType = (typeof EVENT_TYPES)[number];

export type StoryContext = {
  random: Random;
  now: number;
  staffIds: Record<StaffKey, string>;
  staffNames: Record<StaffKey, string>;
  /** The deactivated agent's last day: later work on their old cases falls to a colleague. */
  formerLeftAt: number;
  newId: () => string;
};

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Staff work Monday to Saturday, 8:00–18:00 (UTC, close enough to London time for demo data). */
function staffTime(t: number, random: Random): number {
  const d = new Date(t);
  const hour = d.getUTCHours();
  if (hour >= 18) d.setUTCDate(d.getUTCDate() + 1);
  if (hour >= 18 || hour < 8) d.setUTCHours(8, random.int(0, 75), 0, 0);
  if (d.getUTCDay() === 0) d.setUTCDate(d.getUTCDate() + 1);
  return d.getTime();
}

/** Whose hours a step keeps: the back office, the contact centre, customers, or none ("exact"). */
type Clock = "staff" | "desk" | "customer" | "exact";

/** The contact centre answers new complaints 8:00–20:00, every day. */
function deskTime(t: number, random: Random): number {
  const d = new Date(t);
  const hour = d.getUTCHours();
  if (hour >= 20) d.setUTCDate(d.getUTCDate() + 1);
  if (hour >= 20 || hour < 8) d.setUTCHours(8, random.int(0, 60), 0, 0);
  return d.getTime();
}

/** Customers answer between 7:00 and 22:00, any day. */
function customerTime(t: number, random: Random): number {
  const d = new Date(t);
  const hour = d.getUTCHours();
  if (hour >= 22) d.setUTCDate(d.getUTCDate() + 1);
  if (hour >= 22 || hour < 7) d.setUTCHours(7, random.int(30, 180), 0, 0);
  return d.getTime();
}

/**
 * One case told as a sequence of timeline events on a clock that only moves forward. The story
 * stops at "now": whatever had not happened by then has not happened, so recent cases are still
 * open. Every change to the complaint row goes with the event that records it.
 */
export class CaseStory {
  readonly events: EventRow[] = [];
  readonly promises: PromiseRow[] = [];
  readonly followUps: FollowUpRow[] = [];
  readonly debriefs: DebriefRow[] = [];
  t: number;
  stopped = false;

  constructor(
    readonly ctx: StoryContext,
    readonly complaint: ComplaintRow,
  ) {
    this.t = complaint.receivedAt!.getTime();
  }

  get random(): Random {
    return this.ctx.random;
  }

  /** Moves the clock on; false (and the story ends) when the next step would not have happened yet. */
  wait(minHours: number, maxHours: number, who: Clock = "staff"): boolean {
    return this.waitUntil(this.t + this.random.float(minHours, maxHours) * HOUR, who);
  }

  waitUntil(time: number, who: Clock = "staff"): boolean {
    if (this.stopped) return false;
    const at =
      who === "staff"
        ? staffTime(time, this.random)
        : who === "desk"
          ? deskTime(time, this.random)
          : who === "exact"
            ? time
            : customerTime(time, this.random);
    // Leave room for the steps that follow in the same sitting (a call, then its summary).
    if (at + 2 * HOUR > this.ctx.now) {
      this.stopped = true;
      return false;
    }
    this.t = Math.max(this.t, at);
    return true;
  }

  staffId(key: StaffKey): string {
    return this.ctx.staffIds[this.who(key)];
  }

  /** A former agent's work after they left is done by a colleague. */
  who(key: StaffKey): StaffKey {
    return key === "former" && this.t > this.ctx.formerLeftAt ? "alex" : key;
  }

  /** Records one event at the end of the work it took; returns false once the story has stopped. */
  record(
    type: EventType,
    visibility: "customer" | "internal",
    actor: Actor,
    fields: { body?: string; data?: Record<string, unknown>; minutes?: number } = {},
  ): boolean {
    if (this.stopped) return false;
    const minutes = fields.minutes ?? 0;
    const at = this.t + minutes * MINUTE;
    if (at > this.ctx.now) {
      this.stopped = true;
      return false;
    }
    const isStaff = actor !== "customer" && actor !== "system";
    this.events.push({
      complaintId: this.complaint.id,
      type,
      visibility,
      actorKind: isStaff ? "staff" : actor,
      actorId: isStaff ? this.staffId(actor) : null,
      body: fields.body ?? null,
      data: fields.data ?? {},
      minutesSpent: minutes,
      createdAt: new Date(at),
    });
    this.complaint.minutesSpent += minutes;
    this.complaint.lastActivityAt = new Date(at);
    this.complaint.updatedAt = new Date(at);
    if (isStaff) {
      this.complaint.version = (this.complaint.version ?? 1) + 1;
      // As in the app: the first thing staff do that the customer can see is the first response.
      if (visibility === "customer") this.complaint.firstResponseAt ??= new Date(at);
    }
    this.t = at + this.random.int(1, 4) * MINUTE;
    return true;
  }

  setStatus(to: CaseStatus, actor: Actor): boolean {
    const from = this.complaint.status;
    if (from === to) return true;
    if (!this.record("status_changed", "customer", actor, { data: { from, to } })) return false;
    this.complaint.status = to;
    return true;
  }

  message(actor: StaffKey, body: string, minutes: number): boolean {
    return this.record("message", "customer", actor, { body, minutes });
  }

  call(actor: StaffKey, direction: "inbound" | "outbound", durationMinutes: number, notes: string): boolean {
    const minutes = durationMinutes + this.random.int(2, 5);
    return this.record("call_logged", "internal", actor, { body: notes, data: { direction, durationMinutes }, minutes });
  }

  makePromise(actor: StaffKey, text: string, dueAt: number): PromiseRow | null {
    const id = this.ctx.newId();
    const data = { promiseId: id, text, dueAt: new Date(dueAt).toISOString() };
    if (!this.record("promise_made", "customer", actor, { body: text, data, minutes: 2 })) return null;
    const row: PromiseRow = { id, complaintId: this.complaint.id, text, dueAt: new Date(dueAt), createdById: this.staffId(actor), createdAt: new Date(this.t) };
    this.promises.push(row);
    return row;
  }

  keepPromise(actor: StaffKey, promise: PromiseRow, minutes: number): boolean {
    if (!this.record("promise_kept", "customer", actor, { body: promise.text, data: { promiseId: promise.id }, minutes })) return false;
    promise.keptAt = new Date(this.t);
    return true;
  }

  scheduleFollowUp(actor: StaffKey, dueAt: number): FollowUpRow | null {
    const id = this.ctx.newId();
    const data = { followUpId: id, dueAt: new Date(dueAt).toISOString() };
    if (!this.record("follow_up_scheduled", "internal", actor, { data, minutes: 1 })) return null;
    const row: FollowUpRow = { id, complaintId: this.complaint.id, dueAt: new Date(dueAt), createdById: this.staffId(actor), createdAt: new Date(this.t) };
    this.followUps.push(row);
    return row;
  }

  completeFollowUp(actor: StaffKey, followUp: FollowUpRow, outcome: string, minutes: number): boolean {
    if (!this.record("follow_up_done", "internal", actor, { body: outcome, data: { followUpId: followUp.id, outcome }, minutes })) return false;
    followUp.completedAt = new Date(this.t);
    followUp.completedById = this.staffId(actor);
    followUp.outcome = outcome;
    return true;
  }

  debrief(author: StaffKey, body: string, hardInteraction: boolean): void {
    if (this.stopped) return;
    const at = this.t + this.random.int(5, 40) * MINUTE;
    if (at > this.ctx.now) return;
    this.debriefs.push({ complaintId: this.complaint.id, authorId: this.staffId(author), body, hardInteraction, createdAt: new Date(at) });
  }
}
