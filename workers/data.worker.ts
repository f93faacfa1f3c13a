// Entry point of the data worker: exposes the API over Comlink, nothing else.
import { expose } from 'comlink';
import { api } from './data-api';

expose(api);
