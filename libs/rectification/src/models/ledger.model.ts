import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { TaskState } from '../rectification.enums.js';
import { RectificationTask } from './rectification-task.model.js';

@ObjectType()
export class StateCount {
  @Field(() => TaskState) state: TaskState;
  @Field(() => Int) count: number;
}

@ObjectType({ description: '整改台账: one page and the counts per state under the same filters' })
export class RectificationLedger {
  @Field(() => [RectificationTask]) items: RectificationTask[];
  @Field(() => Int) total: number;
  @Field(() => [StateCount]) counts: StateCount[];
}

@ObjectType({ description: 'Rates of one department; a rate is null when its denominator is 0' })
export class DepartmentRectificationRates {
  @Field(() => ID) departmentId: string;
  @Field() departmentName: string;
  @Field(() => Int) issued: number;
  @Field(() => Int) closed: number;
  @Field(() => Int) open: number;
  @Field(() => Int) overdue: number;
  @Field(() => Int) closedOnTime: number;
  @Field(() => Float, { nullable: true, description: '完成率 closed ÷ issued (cancelled excluded)' }) completionRate: number | null;
  @Field(() => Float, { nullable: true, description: '按期销号率 closed by the deadline ÷ closed' }) onTimeRate: number | null;
  @Field(() => Float, { nullable: true, description: '逾期率 open and overdue ÷ open' }) overdueRate: number | null;
  @Field({ description: '动态清零: no open task' }) clearedDown: boolean;
}

@ObjectType()
export class RectificationNotification {
  @Field(() => ID) id: string;
  @Field() kind: string;
  @Field() title: string;
  @Field() body: string;
  @Field(() => ID, { nullable: true }) taskId: string | null;
  @Field() read: boolean;
  @Field() createdAt: Date;
}

@ObjectType()
export class NotificationPage {
  @Field(() => [RectificationNotification]) items: RectificationNotification[];
  @Field(() => Int) total: number;
  @Field(() => Int) unread: number;
}

@ObjectType()
export class SweepResult {
  @Field() today: string;
  @Field(() => Int) steps: number;
}
