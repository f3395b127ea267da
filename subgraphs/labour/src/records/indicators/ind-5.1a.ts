import { MeasureSql } from '@qn/common';
import { trainedShareMeasure } from './staff-trained';

/**
 * IND-5.1a (cumulative) — provincial-level officials, civil servants, public employees
 * and soldiers in the field trained since 2021 / provincial staff in post in the year
 * the period ends in. Provincial staff belong to no district: a district has no data.
 */
export const ind51a: MeasureSql = trainedShareMeasure(`'PROVINCIAL'`);
