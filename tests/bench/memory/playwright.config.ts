/** Renderer memory benchmark (run on demand: npm run bench:memory). */
import { benchConfig } from '../benchConfig';

export default benchConfig('memory');
