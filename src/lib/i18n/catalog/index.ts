// All catalogs, merged per language. A new area adds one file next to common.ts and one line here.
import * as backup from './backup';
import * as chart from './chart';
import * as common from './common';
import * as customers from './customers';
import * as data from './data';
import * as datasets from './datasets';
import * as explore from './explore';
import * as forecast from './forecast';
import * as forecastView from './forecast-view';
import * as format from './format';
import * as hierarchy from './hierarchy';
import * as home from './home';
import * as importMessages from './import';
import * as market from './market';
import * as importView from './import-view';
import * as models from './models';
import * as plan from './plan';
import * as report from './report';
import * as settings from './settings';
import * as shell from './shell';

export const en = {
	...common.en,
	...format.en,
	...shell.en,
	...explore.en,
	...forecast.en,
	...chart.en,
	...datasets.en,
	...settings.en,
	...forecastView.en,
	...importMessages.en,
	...market.en,
	...importView.en,
	...data.en,
	...forecast.en,
	...models.en,
	...plan.en,
	...customers.en,
	...backup.en,
	...report.en,
	...home.en,
	...hierarchy.en,
};

export type MessageCode = keyof typeof en;

export const zhCN: Record<MessageCode, (typeof en)[MessageCode] | string | ((p: never) => string)> =
	{
		...common.zhCN,
		...format.zhCN,
		...shell.zhCN,
		...explore.zhCN,
		...forecast.zhCN,
		...chart.zhCN,
		...datasets.zhCN,
		...settings.zhCN,
		...forecastView.zhCN,
		...importMessages.zhCN,
		...market.zhCN,
		...importView.zhCN,
		...data.zhCN,
		...forecast.zhCN,
		...models.zhCN,
		...plan.zhCN,
		...customers.zhCN,
		...backup.zhCN,
		...report.zhCN,
		...home.zhCN,
		...hierarchy.zhCN,
	};
