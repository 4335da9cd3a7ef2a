/** Highlight painting benchmark (run on demand: npm run bench:highlights). */
import { benchConfig } from '../benchConfig';

export default benchConfig('highlights');
