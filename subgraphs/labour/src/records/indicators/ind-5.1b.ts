import { MeasureSql } from '@qn/common';
import { trainedShareMeasure } from './staff-trained';

/**
 * IND-5.1b (cumulative) — district- and commune-level staff trained since 2021 / district-
 * and commune-level staff in post in the year the period ends in (per district).
 */
export const ind51b: MeasureSql = trainedShareMeasure(`'DISTRICT', 'COMMUNE'`);
