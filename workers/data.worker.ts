// Entry point of the data worker: exposes the API over Comlink, nothing else.
import { expose } from 'comlink';
import { api } from './data-api';
import { installCodedErrorTransfer } from './data/coded-error';

// Thrown errors keep their message code and params on the way to the UI.
installCodedErrorTransfer();
expose(api);
