// All catalogs, merged per language. A new area adds one file next to common.ts and one line here.
import * as common from './common';
import * as explore from './explore';
import * as forecast from './forecast';
import * as importMessages from './import';

export const en = { ...common.en, ...explore.en, ...forecast.en, ...importMessages.en };

export type MessageCode = keyof typeof en;

export const zhCN: Record<MessageCode, (typeof en)[MessageCode] | string | ((p: never) => string)> =
	{
		...common.zhCN,
		...explore.zhCN,
		...forecast.zhCN,
		...importMessages.zhCN,
	};
