import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { IsNull } from 'typeorm';
import {
  checkDateOrder,
  checkNotFuture,
  connectionType,
  createOnce,
  findById,
  notFoundError,
  paginate,
  parsePeriod,
  SubgraphContext,
  todayIso,
  updateVersioned,
  userInputError,
  PageArgs,
} from '@qn/common';
import { WebsiteBlockingProposal } from '../entities/website-blocking-proposal';
import { InformationLoaders } from '../loaders';
import { ProposeWebsiteBlockingInput, UpdateWebsiteBlockingInput, WebsiteBlockingFilter } from './types/website-blocking-proposal.input';

const WebsiteBlockingProposalConnection = connectionType(WebsiteBlockingProposal, 'WebsiteBlockingProposal');

/** A host name: dot-separated labels of letters, digits and inner hyphens, ending in an alphabetic top-level domain. */
const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{2,59})$/;

/** The domain in the one form stored: lower case, no trailing dot. Anything else (a scheme, a path, a port) is refused. */
export function normaliseDomain(raw: string): string {
  const domain = raw.trim().toLowerCase().replace(/\.$/, '');
  if (!DOMAIN.test(domain)) {
    throw userInputError('domain', `'${raw}' is not a domain name; give the host only, e.g. example.com (no http://, path or port)`);
  }
  return domain;
}

function checkDates(p: Pick<WebsiteBlockingProposal, 'proposedOn' | 'blockedOn'>): void {
  const today = todayIso();
  checkNotFuture('proposedOn', p.proposedOn, today);
  checkNotFuture('blockedOn', p.blockedOn, today);
  checkDateOrder('proposedOn', p.proposedOn, 'blockedOn', p.blockedOn);
}

@Resolver(() => WebsiteBlockingProposal)
export class WebsiteBlockingProposalResolver {
  @Authorized('RECORDS')
  @Query(() => WebsiteBlockingProposalConnection, { description: 'Websites with prostitution content proposed for blocking (plan section V.7)' })
  websiteBlockingProposals(
    @Ctx() { dataSource }: SubgraphContext<InformationLoaders>,
    @Arg('filter', () => WebsiteBlockingFilter, { nullable: true }) filter?: WebsiteBlockingFilter,
    @Args(() => PageArgs) page?: PageArgs,
  ) {
    const query = dataSource.getRepository(WebsiteBlockingProposal).createQueryBuilder('w');
    if (filter?.reason) query.andWhere('w.reason = :reason', { reason: filter.reason });
    if (filter?.blocked !== undefined && filter?.blocked !== null) {
      query.andWhere(filter.blocked ? 'w.blocked_on IS NOT NULL' : 'w.blocked_on IS NULL');
    }
    if (filter?.period) {
      const period = parsePeriod(filter.period, 'filter.period');
      query.andWhere('w.proposed_on >= :start AND w.proposed_on < :end', period);
    }
    return paginate(query, { ...page, sortColumn: 'proposed_on', sortKey: (w) => w.proposedOn });
  }

  @Authorized('RECORDS')
  @Mutation(() => WebsiteBlockingProposal, { description: 'Propose blocking a website with prostitution content' })
  async proposeWebsiteBlocking(
    @Arg('input') { idempotencyKey, ...input }: ProposeWebsiteBlockingInput,
    @Ctx() { dataSource, identity }: SubgraphContext<InformationLoaders>,
  ): Promise<WebsiteBlockingProposal> {
    const proposal = { ...input, domain: normaliseDomain(input.domain), blockedOn: input.blockedOn ?? null };
    checkDates(proposal);
    return createOnce(dataSource, identity, idempotencyKey, 'proposeWebsiteBlocking', proposal, WebsiteBlockingProposal, async (manager) => {
      const repository = manager.getRepository(WebsiteBlockingProposal);
      const pending = await repository.findOneBy({ domain: proposal.domain, blockedOn: IsNull() });
      if (pending && !proposal.blockedOn) {
        throw userInputError('domain', `${proposal.domain} was already proposed on ${pending.proposedOn} and is not blocked yet`);
      }
      return repository.save(repository.create(proposal));
    });
  }

  @Authorized('RECORDS')
  @Mutation(() => WebsiteBlockingProposal, { description: 'Record that a proposed website was blocked; fails with CONFLICT if it changed since you read it' })
  async updateWebsiteBlocking(
    @Arg('input') input: UpdateWebsiteBlockingInput,
    @Ctx() { dataSource }: SubgraphContext<InformationLoaders>,
  ): Promise<WebsiteBlockingProposal> {
    const { id, expectedVersion, ...changes } = input;
    const current = await findById(dataSource, WebsiteBlockingProposal, id);
    if (!current) throw notFoundError('WebsiteBlockingProposal', id);
    checkDates({ ...current, ...changes });
    return updateVersioned(dataSource, WebsiteBlockingProposal, id, expectedVersion, changes);
  }
}
