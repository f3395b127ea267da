import { Init1795813735886 } from './1795813735886-Init';
import { CriminalCases1795815666393 } from './1795815666393-CriminalCases';
import { TipNotes1795815790884 } from './1795815790884-TipNotes';
import { PlaceAfterReform1796160000000 } from './1796160000000-PlaceAfterReform';
import { DataVersion1796200000000 } from './1796200000000-DataVersion';

/** Every schema change of this subgraph, oldest first. */
export const migrations = [Init1795813735886, CriminalCases1795815666393, TipNotes1795815790884, PlaceAfterReform1796160000000, DataVersion1796200000000];
