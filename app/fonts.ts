import localFont from 'next/font/local';

// The one web font: the serif of headings and of the texts students read and label (latin
// subset, one variable file for every weight, about 50 KB). The interface uses the system's
// own sans-serif (--font-sans in globals.css), which costs no download (decision 15).
export const serif = localFont({
  src: '../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2',
  variable: '--font-serif',
  display: 'swap',
});
