export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkConfigAtStart } = await import("./lib/config/startup-check");
  checkConfigAtStart();
}
