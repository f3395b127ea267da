import transfers from './data/duty-transfers.json';

/**
 * Transfers of duties between agencies (data/duty-transfers.json): DOLISA's duties to
 * Health from 1/3/2025, Information's press duties to Culture and the rest to Science
 * and Technology, the district-level People's Committees' to the commune-level ones
 * from 1/7/2025. A task keeps its code and its history; only who answers for it changes.
 */
export interface DutyTransfer {
  from: string;
  to: string;
  date: string;
  /** The task codes moved, or ALL: every task the `from` agency still held on that date. */
  tasks: string[] | 'ALL';
  basis: string;
  notes?: string;
}

export interface Holding {
  agencyCode: string;
  validFrom: string | null;
  validTo: string | null;
  basis: string | null;
}

const TRANSFERS = [...(transfers as DutyTransfer[])].sort((a, b) => a.date.localeCompare(b.date));

/** The transfers in date order (the final review states them). */
export const DUTY_TRANSFERS: readonly DutyTransfer[] = TRANSFERS;

/**
 * Who held a task over time, oldest first: the plan's owner from the start, then each
 * transfer that names the task (or moves ALL of its holder's tasks) in date order. A
 * transfer that names tasks goes before an ALL transfer of the same agency and date.
 */
export function holdings(taskCode: string, planOwner: string): Holding[] {
  const out: Holding[] = [{ agencyCode: planOwner, validFrom: null, validTo: null, basis: null }];
  const ordered = [...TRANSFERS].sort((a, b) => a.date.localeCompare(b.date) || Number(a.tasks === 'ALL') - Number(b.tasks === 'ALL'));
  const moved = new Set<string>();
  for (const t of ordered) {
    const current = out[out.length - 1];
    if (current.agencyCode !== t.from) continue;
    const key = `${t.from}|${t.date}`;
    if (t.tasks === 'ALL' ? moved.has(`${key}|${taskCode}`) : !t.tasks.includes(taskCode)) continue;
    moved.add(`${key}|${taskCode}`);
    current.validTo = t.date;
    out.push({ agencyCode: t.to, validFrom: t.date, validTo: null, basis: t.basis });
  }
  return out;
}

/** The holder of a task on a date (ISO). */
export function holderOn(taskCode: string, planOwner: string, date: string): string {
  return holdings(taskCode, planOwner).find((h) => h.validTo === null || date < h.validTo)!.agencyCode;
}

/** The agency that answers on a date for what `agencyCode` answered for under the plan (a co-owner named by the plan). */
export function agencyOn(agencyCode: string, date: string): string {
  let code = agencyCode;
  for (const t of TRANSFERS) if (t.from === code && t.tasks === 'ALL' && t.date <= date) code = t.to;
  return code;
}

/** Whether `agencyCode` has a task on a date (ISO): it holds it then, or works on it with the holder as a co-owner the plan names. */
export function worksOn(task: { code: string; ownerCode: string; coOwnerCodes: string[] }, agencyCode: string, date: string): boolean {
  return holderOn(task.code, task.ownerCode, date) === agencyCode || task.coOwnerCodes.some((c) => agencyOn(c, date) === agencyCode);
}
