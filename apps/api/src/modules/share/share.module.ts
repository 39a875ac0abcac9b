import { Module } from '@nestjs/common';
import { ContestsModule } from '../contests/contests.module.js';
import { LeaderboardsModule } from '../leaderboards/leaderboards.module.js';
import { ShareController } from './share.controller.js';
import { ShareService } from './share.service.js';

/** Share pages with Open Graph tags for a member's result (Facebook, Zalo). */
@Module({
  imports: [ContestsModule, LeaderboardsModule],
  providers: [ShareService, ShareController],
})
export class ShareModule {}
