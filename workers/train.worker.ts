// Entry point of the training worker: exposes the API over Comlink, nothing else.
import { expose } from 'comlink';
import { api } from './train-api';

expose(api);
