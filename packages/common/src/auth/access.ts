import { AuthCheckerFn } from 'type-graphql';
import { todayIso } from '../clock';
import { isPlanCoordinator, standingAgencyOn } from '../agencies';
import { forbidden, Identity, isAnonymous, Role, unauthenticated } from './identity';
import { territory } from '../territory';
import type { AuditTrail } from '../audit/trail';

/**
 * Access rules, named in `@Authorized(...)` on types, queries, mutations and fields:
 *
 * - `RECORDS`: record-level data (a tip, a support service, a business…). Only officers
 *   and heads of the agency that owns the records (`recordOwners` of the subgraph),
 *   and district officers where the subgraph keeps district records; a caller limited
 *   to one district sees and changes only that district's records.
 * - `AGGREGATES`: indicator results, progress, totals. Every signed-in role; callers
 *   without a token only for whole years that have ended (the published yearly figures).
 * - `REPORT_SUBMIT`: heads of an agency or district submit their unit's reports.
 * - `REPORT_APPROVE`: coordinators of the standing agency of the day (DOLISA to 28/2/2025,
 *   the Department of Health from 1/3/2025: `standingAgencyOn`) return and approve reports.
 * - `AUDIT`: heads of the owning agency read who saw and changed its records.
 * - `TASK_PROGRESS`: officers and heads of an agency (district officers: of their district)
 *   enter progress of their agency's tasks in labour's registry. Which tasks: those their
 *   agency owns or co-owns (`canEnterTaskProgress`, checked against the task).
 * - `SERVICE` (`serviceFrom(...callers)`): only the named subgraphs, never a person,
 *   whatever their role: the request must be one of those subgraphs' own calls, signed
 *   with its own key (`signServiceToken`, which gives `identity.service`); the gateway
 *   never signs one. For record-level matching across
 *   agencies that answers with counts only. Who may call what:
 *     - labour → health `healthServiceUsers` (IND-4.2: which of labour's clients in need
 *       used a health service).
 *     - health → police `serviceBusinessDistricts` (recordHealthCheck, updateHealthCheck:
 *       the business is registered, in the district the check names, open on the day).
 *     - labour → police `serviceBusinessDistricts` (recordBusinessOutreach,
 *       updateBusinessOutreach: the same for a session with a business's workers).
 *       It answers only a business's district and opening and closing dates.
 *
 * Fields with no rule (the plan catalogue, the territory) are public.
 */
export type AccessRule = 'RECORDS' | 'AGGREGATES' | 'REPORT_SUBMIT' | 'REPORT_APPROVE' | 'AUDIT' | ServiceRule | 'TASK_PROGRESS';

/** The rule SERVICE for the subgraphs that may call a field: `SERVICE:health,labour`. */
export type ServiceRule = `SERVICE:${string}`;

/** `@Authorized(serviceFrom('labour'))`: a field only the named subgraphs call (rule SERVICE). */
export function serviceFrom(...callers: [string, ...string[]]): ServiceRule {
  return `SERVICE:${callers.join(',')}`;
}

const RECORD_ROLES: Role[] = ['AGENCY_OFFICER', 'AGENCY_HEAD', 'DISTRICT_OFFICER'];

export interface AccessContext {
  identity: Identity;
  audit?: AuditTrail;
}

function has(identity: Identity, ...roles: Role[]): boolean {
  return identity.roles.some((r) => roles.includes(r));
}

/** May this caller see or change record-level data owned by one of `owners`? */
export function canUseRecords(identity: Identity, owners: readonly string[]): boolean {
  if (!identity.agency || !owners.includes(identity.agency)) return false;
  if (!has(identity, ...RECORD_ROLES)) return false;
  // A district officer is always limited to a district.
  if (has(identity, 'DISTRICT_OFFICER') && !has(identity, 'AGENCY_OFFICER', 'AGENCY_HEAD') && !identity.orgUnit) return false;
  return true;
}

/**
 * May this caller enter a task's progress for `unitId`? Officers and heads of the owning
 * agency or a co-owner; a caller limited to a district only for that district.
 */
export function canEnterTaskProgress(identity: Identity, agencies: readonly string[], unitId: string): boolean {
  if (!identity.agency || !agencies.includes(identity.agency) || !has(identity, ...RECORD_ROLES)) return false;
  if (identity.orgUnit) return identity.orgUnit === unitId;
  return !(has(identity, 'DISTRICT_OFFICER') && !has(identity, 'AGENCY_OFFICER', 'AGENCY_HEAD'));
}

/** The district a caller's record access is limited to (null: the whole province). */
export function recordScope(identity: Identity): string | null {
  return identity.orgUnit;
}

/** The local unit a caller is limited to is a commune-level unit (from 1/7/2025), not a district. */
export function scopeIsCommune(scope: string): boolean {
  return territory.get(scope)?.level === 'COMMUNE';
}

/** A record's place as a scope check reads it: a district id, or the record's district and commune. */
export type ScopedPlace = string | null | undefined | { districtId?: string | null; communeId?: string | null; communeAfterReformId?: string | null };

/**
 * For mutations: refuses a record outside the caller's local unit — its district for a
 * district's officers, its commune-level unit for a commune's (from 1/7/2025).
 */
export function assertInScope(identity: Identity, place: ScopedPlace, field = 'districtId'): void {
  const scope = recordScope(identity);
  if (!scope) return;
  const { districtId, communeId, communeAfterReformId } =
    place !== null && typeof place === 'object' ? place : { districtId: place, communeId: null, communeAfterReformId: null };
  if (scopeIsCommune(scope)) {
    // A long-lived place (a person followed, a zone, a pilot) is the unit's from 1/7/2025 too.
    if (communeId !== scope && communeAfterReformId !== scope)
      throw forbidden(`${field === 'districtId' ? 'communeId' : field} '${communeId ?? ''}' is outside your commune-level unit '${scope}'`);
    return;
  }
  if (districtId !== scope) throw forbidden(`${field} '${districtId ?? ''}' is outside your district '${scope}'`);
}

const CLOSED_YEARS = /^(\d{4})(?:-(\d{4}))?$/;

/** Published figures: whole years that have ended. */
export function isPublishedPeriod(period: unknown, today = todayIso()): boolean {
  if (typeof period !== 'string') return false;
  const m = period.match(CLOSED_YEARS);
  if (!m) return false;
  const lastYear = Number(m[2] ?? m[1]);
  return `${lastYear + 1}-01-01` <= today;
}

/** type-graphql's auth checker for a subgraph whose records belong to `recordOwners`. */
export function createAuthChecker(recordOwners: readonly string[]): AuthCheckerFn<AccessContext> {
  return ({ context, root, args, info }, rules) => {
    const identity = context.identity;
    for (const given of rules as AccessRule[]) {
      const [rule, callers] = given.split(':') as [string, string | undefined];
      // A subgraph's call serves a person who may be anonymous (published figures).
      if (rule !== 'AGGREGATES' && !(rule === 'SERVICE' && identity.service) && isAnonymous(identity)) throw unauthenticated('sign in to see this');
      switch (rule) {
        case 'SERVICE': {
          if (!identity.service) throw forbidden('only other subgraphs use this field, never a person whatever their role');
          const allowed = callers ? callers.split(',') : [];
          if (!allowed.includes(identity.service)) throw forbidden(`only the ${allowed.join(' and ')} subgraph${allowed.length > 1 ? 's' : ''} use this field`);
          break;
        }
        case 'RECORDS': {
          if (!canUseRecords(identity, recordOwners)) {
            throw forbidden(`these records belong to ${recordOwners.join('/')}; your role does not give access to them`);
          }
          const scope = recordScope(identity);
          const district = root && typeof root === 'object' && 'districtId' in root ? (root as { districtId: unknown }).districtId : undefined;
          // A commune-level unit's officers (from 1/7/2025) are matched on the record's commune, a district's on its district.
          const keys = scope && scopeIsCommune(scope) ? ['communeId', 'communeAfterReformId'] : ['districtId'];
          const places = keys.filter((k) => root && typeof root === 'object' && k in root).map((k) => (root as Record<string, unknown>)[k]);
          if (scope && places.length > 0 && !places.includes(scope))
            throw forbidden(`this record is outside your ${keys.length > 1 ? 'commune-level unit' : 'district'}`);
          // Every record a caller is shown goes into the audit log.
          if (root && typeof root === 'object' && 'id' in root) {
            context.audit?.read(info.parentType.name, String((root as { id: unknown }).id), typeof district === 'string' ? district : null);
          }
          break;
        }
        case 'AGGREGATES': {
          if (!isAnonymous(identity)) break;
          const periods = [args.period, args.from, args.to].filter((p) => p !== undefined);
          if (periods.length === 0 || !periods.every((p) => isPublishedPeriod(p))) {
            throw unauthenticated('without a token only the published yearly figures of years that have ended are available');
          }
          break;
        }
        case 'AUDIT':
          if (!has(identity, 'AGENCY_HEAD') || !identity.agency || !recordOwners.includes(identity.agency)) {
            throw forbidden('only the heads of the agency that owns these records read their audit log');
          }
          break;
        case 'TASK_PROGRESS':
          if (!identity.agency || !has(identity, ...RECORD_ROLES)) throw forbidden("only officers and heads of a task's agency enter its progress");
          break;
        case 'REPORT_SUBMIT':
          if (!has(identity, 'AGENCY_HEAD')) throw forbidden('only the head of an agency or district submits its reports');
          break;
        case 'REPORT_APPROVE':
          if (!isPlanCoordinator(identity)) {
            const standing = standingAgencyOn(todayIso());
            throw forbidden(
              `only coordinators of the plan's standing agency (${standing.code}, ${standing.nameVi}, since ${standing.validFrom}) return or approve reports`,
            );
          }
          break;
        default:
          throw forbidden(`unknown access rule ${String(rule)}`);
      }
    }
    return true;
  };
}
