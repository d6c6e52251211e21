import * as z from 'zod/mini';

const runtimeConfigSchema = z.object({ glueBaseUrl: z.url() });

export interface RuntimeConfig {
  /** Where Glue lives, without a trailing slash. */
  glueBaseUrl: string;
}

/** Path of the file that tells one build which Glue to talk to. */
export const RUNTIME_CONFIG_PATH = '/glue-config.json';

export async function loadRuntimeConfig(fetchImpl: typeof fetch = fetch): Promise<RuntimeConfig> {
  let body: unknown;
  try {
    const response = await fetchImpl(RUNTIME_CONFIG_PATH, { cache: 'no-store' });
    if (!response.ok) throw new Error(`it answered ${response.status}`);
    body = await response.json();
  } catch (error) {
    throw new Error(
      `The console's configuration ${RUNTIME_CONFIG_PATH} could not be read (${error instanceof Error ? error.message : String(error)}).`,
      { cause: error },
    );
  }
  const parsed = runtimeConfigSchema.safeParse(body);
  if (!parsed.success) {
    throw new Error(
      `The console's configuration ${RUNTIME_CONFIG_PATH} needs "glueBaseUrl" set to an absolute URL, such as "http://127.0.0.1:9001".`,
    );
  }
  return { glueBaseUrl: parsed.data.glueBaseUrl.replace(/\/+$/, '') };
}
