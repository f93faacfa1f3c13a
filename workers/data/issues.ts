// Import issues that carry a message code (views render `tm(issue.msg)`); `message` keeps a plain trace of
// the code and params for logs, Node tests and the CLI. New issues of the data worker are made here.
import type { MessageParam } from '../../src/core/messages';
import type { ImportIssue } from '../../src/core/ingest/types';

/** An ImportIssue whose words come from the catalog (`code` is the stable machine code of the issue). */
export function codedIssue(
	severity: ImportIssue['severity'],
	code: string,
	file: string,
	msgCode: string,
	params: Record<string, MessageParam> = {},
	where: Pick<ImportIssue, 'row' | 'column' | 'count'> = {},
): ImportIssue {
	return {
		severity,
		code,
		file,
		...where,
		msg: { code: msgCode, params },
		message: `${msgCode} ${JSON.stringify(params)}`,
	};
}
