// All catalogs, merged per language. A new area adds one file next to common.ts and one line here.
import * as common from './common';
import * as importMessages from './import';
import * as plan from './plan';

export const en = { ...common.en, ...importMessages.en, ...plan.en };

export type MessageCode = keyof typeof en;

export const zhCN: Record<MessageCode, (typeof en)[MessageCode] | string | ((p: never) => string)> =
	{
		...common.zhCN,
		...importMessages.zhCN,
		...plan.zhCN,
	};
