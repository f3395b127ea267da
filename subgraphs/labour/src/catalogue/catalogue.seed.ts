import { DataSource } from 'typeorm';
import { territory } from '@qn/common';
import agencies from './data/agencies.json';
import indicators from './data/indicators.json';
import tasks from './data/tasks.json';
import { Agency } from './entities/agency';
import { IndicatorRow } from './entities/indicator';
import { OrgUnit, OrgUnitLevel, OrgUnitSuccession } from './entities/org-unit';
import { TaskRow } from './entities/task';
import { TaskMeasure } from './entities/task-measure';
import { TASK_MEASURES } from './task-measures';

/**
 * Loads the plan's catalogue (agencies, indicators, tasks and their measures, territory) from the
 * version-controlled JSON in `data/`. Upserts, so a corrected title in the
 * data reaches the database on the next start and nothing else is touched.
 */
export async function loadCatalogue(dataSource: DataSource): Promise<void> {
  const subgraphOf = new Map(agencies.map((a) => [a.code, a.subgraph]));
  await dataSource.transaction(async (manager) => {
    await manager.getRepository(Agency).upsert(
      agencies.map((a, i) => ({
        code: a.code,
        section: a.section,
        nameVi: a.nameVi,
        nameEn: a.nameEn,
        subgraph: a.subgraph,
        mandate: a.mandate,
        isGroup: a.isGroup,
        validFrom: a.validFrom,
        validTo: a.validTo,
        successorCode: a.successor,
        ordinal: i + 1,
      })),
      ['code'],
    );
    await manager.getRepository(IndicatorRow).upsert(
      indicators.map((x, i) => ({
        code: x.code,
        group: x.group,
        ordinal: i + 1,
        titleVi: x.titleVi,
        sentenceVi: x.sentenceVi ?? x.titleVi,
        titleEn: x.titleEn,
        ownerCode: x.owner,
        ownerSubgraph: subgraphOf.get(x.owner)!,
        contributorCodes: x.contributors,
        target: x.target as IndicatorRow['target'],
        numeratorEn: x.numeratorEn,
        denominatorEn: x.denominatorEn,
      })),
      ['code'],
    );
    await manager.getRepository(TaskRow).upsert(
      tasks.map((t, i) => {
        const subgraph = subgraphOf.get(t.owner)!;
        return {
          code: t.code,
          section: t.section,
          ordinal: t.ordinal,
          position: i + 1,
          titleVi: t.titleVi,
          titleEn: t.titleEn,
          ownerCode: t.owner,
          ownerSubgraph: subgraph === 'labour' && t.owner !== 'LABOUR' ? 'registry' : subgraph,
          coOwnerCodes: t.coOwners,
          indicatorCodes: t.indicatorCodes,
        };
      }),
      ['code'],
    );
    await manager.getRepository(TaskMeasure).upsert([...TASK_MEASURES.values()].flat(), ['taskCode', 'code']);
    await manager.getRepository(OrgUnit).upsert(
      territory.units.map((u) => ({
        id: u.id,
        code: u.code,
        name: u.name,
        level: u.level as OrgUnitLevel,
        kind: u.kind,
        parentId: u.parentId,
        validFrom: u.validFrom,
        validTo: u.validTo,
        formerProvince: u.formerProvince,
        inPlanScope: u.inPlanScope,
      })),
      ['id'],
    );
    await manager.getRepository(OrgUnitSuccession).upsert(
      territory.successions.map((s) => ({
        predecessorId: s.predecessorId,
        successorKey: s.successorId ?? '',
        successorId: s.successorId,
        date: s.date,
        kind: s.kind,
        part: s.part,
        legalBasis: s.legalBasis ?? null,
        notes: s.notes ?? null,
      })),
      ['predecessorId', 'successorKey'],
    );
  });
}
