import { ApiProperty } from '@nestjs/swagger';
import type { StartWaitingResponse } from '@hoi-thi/contracts';

/** The 202 of a start over the admission rate (OpenAPI; the type is StartWaitingResponse). */
export class StartWaitingDto implements StartWaitingResponse {
  @ApiProperty({ enum: ['waiting'] })
  status!: 'waiting';

  @ApiProperty({ description: 'Place in the queue, 1 = next; a retry before retryAfterMs keeps it.', minimum: 1 })
  position!: number;

  @ApiProperty({ description: 'When to try again (ms), estimated from the admission rate.', minimum: 500, maximum: 10_000 })
  retryAfterMs!: number;
}
