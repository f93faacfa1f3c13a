// Entry point of the market worker: exposes the API over Comlink, nothing else.
import { expose } from 'comlink';
import { installCodedErrorTransfer } from './data/coded-error';
import { api } from './market-api';

// Thrown errors (a lost link to the data worker) keep their message code on the way to the UI.
installCodedErrorTransfer();
expose(api);
