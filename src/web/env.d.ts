// Side-effect style imports that Vite bundles.
declare module '*.scss';
declare module '*.svg?url' {
  const url: string;
  export default url;
}
