// All catalogs, merged per language. A new area adds one file next to common.ts and one line here.
import * as chart from './chart';
import * as common from './common';
import * as datasets from './datasets';
import * as explore from './explore';
import * as format from './format';
import * as importMessages from './import';
import * as market from './market';
import * as settings from './settings';
import * as shell from './shell';

export const en = {
	...common.en,
	...format.en,
	...shell.en,
	...explore.en,
	...chart.en,
	...datasets.en,
	...settings.en,
	...importMessages.en,
	...market.en,
};

export type MessageCode = keyof typeof en;

export const zhCN: Record<MessageCode, (typeof en)[MessageCode] | string | ((p: never) => string)> =
	{
		...common.zhCN,
		...format.zhCN,
		...shell.zhCN,
		...explore.zhCN,
		...chart.zhCN,
		...datasets.zhCN,
		...settings.zhCN,
		...importMessages.zhCN,
		...market.zhCN,
	};
