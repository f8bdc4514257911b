/**
 * The tenant's signing key (RS256, generated at start), its JWKS, token signing,
 * and signature verification with a small cache so hot Graph paths verify each
 * token once rather than on every request.
 */
import {
  calculateJwkThumbprint,
  compactVerify,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from "jose";

const CACHE_LIMIT = 2_000;

export type VerifyFailure = "malformed" | "signature";

export class SigningKey {
  readonly kid: string;
  readonly jwk: JWK;
  private readonly privateKey: CryptoKey;
  private readonly publicKey: CryptoKey;
  private readonly verified = new Map<string, JWTPayload>();

  private constructor(kid: string, jwk: JWK, privateKey: CryptoKey, publicKey: CryptoKey) {
    this.kid = kid;
    this.jwk = jwk;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  static async generate(): Promise<SigningKey> {
    const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
    const exported = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(exported);
    const jwk: JWK = { kty: "RSA", use: "sig", alg: "RS256", kid, n: exported.n, e: exported.e };
    return new SigningKey(kid, jwk, privateKey, publicKey);
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.jwk] };
  }

  sign(claims: JWTPayload): Promise<string> {
    return new SignJWT(claims).setProtectedHeader({ alg: "RS256", typ: "JWT", kid: this.kid }).sign(this.privateKey);
  }

  /** Checks the signature only; lifetimes and audience are the caller's, against the emulator clock. */
  async verifySignature(token: string): Promise<{ ok: true; payload: JWTPayload } | { ok: false; reason: VerifyFailure }> {
    const cached = this.verified.get(token);
    if (cached) return { ok: true, payload: cached };
    let bytes: Uint8Array;
    try {
      ({ payload: bytes } = await compactVerify(token, this.publicKey, { algorithms: ["RS256"] }));
    } catch (error) {
      const code = (error as { code?: string }).code;
      return { ok: false, reason: code === "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" ? "signature" : "malformed" };
    }
    let payload: unknown;
    try {
      payload = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      return { ok: false, reason: "malformed" };
    }
    if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return { ok: false, reason: "malformed" };
    if (this.verified.size >= CACHE_LIMIT) this.verified.clear();
    this.verified.set(token, payload as JWTPayload);
    return { ok: true, payload: payload as JWTPayload };
  }
}
