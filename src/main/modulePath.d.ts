/** electron-vite's `?modulePath` imports: the built file's path (the Electron glue only). */
declare module '*?modulePath' {
  const path: string;
  export default path;
}
