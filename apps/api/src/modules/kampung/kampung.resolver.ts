import { Args, Query, Resolver } from '@nestjs/graphql';
import { KampungService } from './kampung.service.js';
import { Kampung } from './models/kampung.model.js';

@Resolver(() => Kampung)
export class KampungResolver {
  constructor(private readonly kampungService: KampungService) {}

  @Query(() => [Kampung], { description: 'Every Kampung KB, active ones first' })
  kampungs(): Promise<Kampung[]> {
    return this.kampungService.listKampungs();
  }

  @Query(() => Kampung, { nullable: true })
  kampung(@Args('slug') slug: string): Promise<Kampung | null> {
    return this.kampungService.findBySlug(slug);
  }
}
