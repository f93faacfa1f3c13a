import { expose } from 'comlink';
import { homeApi } from './home-api';
expose(homeApi);
