/** Long unbroken words benchmark (run on demand: npm run bench:long-words). */
import { benchConfig } from '../benchConfig';

export default benchConfig('longWords', { test: 600_000, expect: 120_000, action: 120_000 });
