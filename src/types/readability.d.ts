// Readability.js alone, without index.js's isProbablyReaderable that nothing here calls: 1.2 KB less in content.js.
declare module '@mozilla/readability/Readability.js' {
  import type { Readability } from '@mozilla/readability';
  const ReadabilityClass: typeof Readability;
  export default ReadabilityClass;
}
