// Entry point of the plan worker: exposes the API over Comlink, nothing else.
import { expose } from 'comlink';
import { installCodedErrorTransfer } from './data/coded-error';
import { planApi } from './plan-api';

// Thrown errors (a cancel, a lost link to the data worker) keep their message code on the way to the UI.
installCodedErrorTransfer();
expose(planApi);
