import { indicatorResultType } from '@qn/common';
import { OrgUnit } from '../entities/org-unit';

/** Labour's results point at its own full OrgUnit type. */
export const IndicatorResult = indicatorResultType(OrgUnit);
