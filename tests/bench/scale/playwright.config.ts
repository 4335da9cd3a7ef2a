/** Scale benchmark (run on demand: npm run bench:scale); three large projects in one test, so a long timeout. */
import { benchConfig } from '../benchConfig';

export default benchConfig('scale', { test: 900_000 });
