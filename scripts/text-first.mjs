// After `next build`: the prerendered pages ask for their script files once their text is
// painted, and the script files they ask for carry V8's compile hint (lib/server/text-first.mjs,
// decision 19).
import { compileHintBuild, textFirstBuild } from '../lib/server/text-first.mjs';

const distDir = process.env.NEXT_DIST_DIR || '.next';
const count = textFirstBuild(distDir);
console.log(`close-read: ${count} prerendered pages load their scripts after the first paint`);
const hinted = compileHintBuild(distDir);
console.log(`close-read: ${hinted} script files they ask for are compiled while they download`);
