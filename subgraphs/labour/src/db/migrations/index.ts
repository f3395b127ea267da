import { Init1795813856116 } from './1795813856116-Init';
import { Records1795814132790 } from './1795814132790-Records';
import { Reporting1795816144815 } from './1795816144815-Reporting';
import { TerritoryOverTime1796108400000 } from './1796108400000-TerritoryOverTime';
import { TaskMeasures1796140548104 } from './1796140548104-TaskMeasures';
import { TaskProgressRegistry1796141495902 } from './1796141495902-TaskProgressRegistry';
import { IdempotencyPerCaller1796142788065 } from './1796142788065-IdempotencyPerCaller';
import { FigureComments1796143516699 } from './1796143516699-FigureComments';
import { PlaceAfterReform1796150000000 } from './1796150000000-PlaceAfterReform';
import { PlaceAfterReformRecords1796160100000 } from './1796160100000-PlaceAfterReformRecords';
import { BusinessOutreachAfterReform1796160200000 } from './1796160200000-BusinessOutreachAfterReform';
import { Notifications1796170000000 } from './1796170000000-Notifications';
import { DataVersion1796200000000 } from './1796200000000-DataVersion';

/** Every schema change of this subgraph, oldest first. */
export const migrations = [
  Init1795813856116,
  Records1795814132790,
  Reporting1795816144815,
  TerritoryOverTime1796108400000,
  TaskMeasures1796140548104,
  TaskProgressRegistry1796141495902,
  IdempotencyPerCaller1796142788065,
  FigureComments1796143516699,
  PlaceAfterReform1796150000000,
  PlaceAfterReformRecords1796160100000,
  BusinessOutreachAfterReform1796160200000,
  Notifications1796170000000,
  DataVersion1796200000000,
];
