// How the scripts under scripts/ run their main: any error is printed and exits 1.
export const run = (main: () => Promise<void>): void => {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
};
