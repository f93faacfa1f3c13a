// Entry point of the market worker: exposes the API over Comlink, nothing else.
import { expose } from 'comlink';
import { api } from './market-api';

expose(api);
