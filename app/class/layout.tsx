// Times in the viewer's zone from the server's first draw (app/viewer-zone-layout.tsx).
export { default } from '../viewer-zone-layout';
