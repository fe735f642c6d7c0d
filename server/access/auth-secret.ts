import { readFile } from 'node:fs/promises'
import { checkSecretLength } from './access-token'

/** Where the HS256 secret comes from: given directly, or a file holding it. */
export type SecretSource = { readonly value: string } | { readonly file: string }

/** A secret that cannot be used; the message says which and what to do. */
export class AuthSecretError extends Error {
  override name = 'AuthSecretError'
}

/**
 * Reads the HS256 secret as the UTF-8 bytes of the text given or stored in the file. One trailing
 * newline in a file is ignored, since `echo` and editors add one.
 */
export const readAuthSecret = async (source: SecretSource): Promise<Uint8Array> => {
  let text: string
  if ('value' in source) text = source.value
  else {
    try {
      text = (await readFile(source.file, 'utf8')).replace(/\r?\n$/, '')
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read (${String(error)})`
      throw new AuthSecretError(`the auth secret file ${source.file} ${reason}; create it with \`openssl rand -base64 32 > ${source.file}\``)
    }
  }
  const secret = new TextEncoder().encode(text)
  try {
    checkSecretLength(secret, 'value' in source ? 'the auth secret' : `the secret in ${source.file}`)
  } catch (error) {
    throw new AuthSecretError(error instanceof Error ? error.message : String(error))
  }
  return secret
}
