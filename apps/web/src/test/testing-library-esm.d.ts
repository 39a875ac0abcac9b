// The ES module build of Testing Library (src/test/testing-library.ts imports it): the package's API.
declare module '@testing-library/react/dist/@testing-library/react.esm.js' {
  export * from '@testing-library/react';
}
