// After `next build`: the prerendered pages ask for their script files once their text is
// painted (lib/server/text-first.mjs, decision 19).
import { textFirstBuild } from '../lib/server/text-first.mjs';

const distDir = process.env.NEXT_DIST_DIR || '.next';
const count = textFirstBuild(distDir);
console.log(`close-read: ${count} prerendered pages load their scripts after the first paint`);
