import { MeasureSql, scopeFilter } from '@qn/common';
import { inPeriod, validDuring } from './units';

/**
 * IND-1.1 — commune-level units (xã, phường, thị trấn) that organised at least one
 * prevention communication activity in the period / all commune-level units that
 * existed at some time in the period (labour's org_unit with its validity, so in 2025
 * the six communes merged on 1 January and the three created then each count for the
 * part of the year they existed). Scope: a district counts its own communes, a
 * commune itself. "Kept up regularly" is read off the quarterly series: a year's value
 * counts a commune once whatever the number of its activities.
 */
export const ind11: MeasureSql = (request, p) => `
  SELECT count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM communication_activity a
            WHERE a.commune_id = u.id ${inPeriod('a.held_on', request, p)})) AS numerator,
         count(*) AS denominator
    FROM org_unit u
   WHERE u.level = 'COMMUNE' ${validDuring('u', request, p)}
         ${scopeFilter(request.orgUnit, p, { district: 'u.parent_id', commune: 'u.id' })}`;
