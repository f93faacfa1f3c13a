import { expose } from 'comlink';
import { api } from './forecast-api';
expose(api);
