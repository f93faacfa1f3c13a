// All catalogs, merged per language. A new area adds one file next to common.ts and one line here.
import * as common from './common';
import * as customers from './customers';

export const en = { ...common.en, ...customers.en };

export type MessageCode = keyof typeof en;

export const zhCN: Record<MessageCode, (typeof en)[MessageCode] | string | ((p: never) => string)> =
	{
		...common.zhCN,
		...customers.zhCN,
	};
