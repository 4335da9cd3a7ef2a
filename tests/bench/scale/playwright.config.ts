/** Scale benchmark (run on demand: npm run bench:scale). */
import { benchConfig } from '../benchConfig';

export default benchConfig('scale');
