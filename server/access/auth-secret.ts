import { readFile } from 'node:fs/promises'

/** Where the HS256 secret comes from: given directly, or a file holding it. */
export type SecretSource = { readonly value: string } | { readonly file: string }

/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash, 256 bits. */
export const minSecretBytes = 32

/** Throws when `secret` is too short to key HS256 safely. */
export const checkSecretLength = (secret: Uint8Array, what = 'the auth secret'): void => {
  if (secret.length < minSecretBytes) {
    throw new RangeError(
      `${what} is ${secret.length} bytes long; HS256 needs at least ${minSecretBytes}. ` +
        'Generate one with `openssl rand -base64 32`.'
    )
  }
}

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
