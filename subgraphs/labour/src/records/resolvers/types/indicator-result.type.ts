import { indicatorResultType } from '@qn/common';
import { OrgUnit } from '../../../catalogue';

/** Labour's results point at its own full OrgUnit type. */
export const IndicatorResult = indicatorResultType(OrgUnit);
